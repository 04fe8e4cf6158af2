"""Small Cognito trigger handlers the tests run through awslambdaric (python -m awslambdaric triggers.NAME)."""
import sys
import time


def auto_confirm(event, context):
    """Pre sign-up: confirm every user and verify the email when there is one."""
    print(f"pre sign-up for {event['userName']} in {context.function_name}")
    event["response"]["autoConfirmUser"] = True
    if "email" in event["request"]["userAttributes"]:
        event["response"]["autoVerifyEmail"] = True
    return event


def forgets_code(event, context):
    """Custom message: a welcome email that forgets the {####} placeholder."""
    event["response"]["emailSubject"] = "Welcome"
    event["response"]["emailMessage"] = "Welcome aboard! Your code is on its way."
    return event


def refuses(event, context):
    """Pre sign-up: refuses everyone with an error."""
    print("refusing", file=sys.stderr)
    raise ValueError("Sign-up is closed")


def sleeps(event, context):
    """Sleeps far past any Cognito timeout."""
    time.sleep(60)
    return event


def only_response(event, context):
    """Pre sign-up: returns only the response object, a common mistake."""
    response = event["response"]
    response["autoConfirmUser"] = True
    return response


def chatty(event, context):
    """Writes a lot of output, then answers."""
    line = "x" * 99
    for index in range(30000):
        print(f"{index:06d} {line}")
    return event


def touches_request(event, context):
    """Changes a request field (Cognito ignores it) as well as the response."""
    event["request"]["userAttributes"]["email"] = "changed@example.com"
    event["response"]["autoConfirmUser"] = True
    return event
