// The CognitoTriggers module; see README.md, "How it is built".
