print("cognito-explorer")
