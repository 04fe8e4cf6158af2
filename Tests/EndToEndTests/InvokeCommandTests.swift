import Foundation
import Testing
import TestSupport

/// `cognito-explorer invoke`, run as a user would: real Python handlers through awslambdaric, a
/// curl bootstrap, and runtimes that misbehave in every way the host must report.
@Suite struct InvokeCommandTests {
    static let signUp = "fixtures/pre-sign-up/PreSignUp_SignUp.json"
    static let runtime = "Tests/Functions/faults/runtime.sh"
    static let python = Comment(rawValue: PythonLambda.skipReason)
    static let curl = Comment(rawValue: Curl.skipReason)

    /// Runs `invoke ARGS -- COMMAND` from the repository root with the handlers importable.
    static func invoke(_ arguments: [String], _ command: [String], in directory: String = Repository.root) throws -> Binary.Result {
        try Binary.run(["invoke"] + arguments + ["--"] + command, in: directory,
                       environment: ["PYTHONPATH": PythonLambda.handlers, "NO_COLOR": "1"])
    }

    @Test("curl is installed (a CI run fails without it)")
    func curlIsPresent() {
        if !Curl.isAvailable {
            if Conformance.isCI {
                Issue.record("CI=true but \(Curl.skipReason)")
            } else {
                print("note: \(Curl.skipReason); the custom-runtime tests are skipped")
            }
        }
    }

    @Test("awslambdaric is installed (a CI run fails without it)")
    func pythonClientIsPresent() {
        if !PythonLambda.isAvailable {
            if Conformance.isCI {
                Issue.record("CI=true but \(PythonLambda.skipReason)")
            } else {
                print("note: \(PythonLambda.skipReason); the Python invoke tests are skipped")
            }
        }
    }

    // MARK: - Real Python handlers

    @Test("a pre sign-up handler confirms the user; one warm process serves several events", .enabled(if: PythonLambda.isAvailable, python))
    func autoConfirmWarm() throws {
        let result = try Self.invoke([Self.signUp, "fixtures/pre-sign-up/PreSignUp_ExternalProvider.json", Self.signUp],
                                     PythonLambda.command("auto_confirm"))
        #expect(result.status == 0, "\(result.stderr)")
        let block = """
            Function output:
              out| pre sign-up for 17f0fd9e-1d63-46c6-bf2c-6d290837f37a in cognito-trigger
            Changed:
              response.autoConfirmUser: false -> true
              response.autoVerifyEmail: false -> true
            No problems.
            What Cognito does:
              Cognito creates the user, confirms the user and marks the email as verified.

            """
        #expect(result.stdoutWithoutTimes == """
            fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), answered in N ms (cold start)
            \(block)
            fixtures/pre-sign-up/PreSignUp_ExternalProvider.json: Pre sign-up (PreSignUp_ExternalProvider), answered in N ms
            Function output:
              out| pre sign-up for google_108234567890123456789 in cognito-trigger
            Changed: nothing in the response.
            No problems.
            What Cognito does:
              Cognito creates the user, confirms the user and marks the email as verified.

            fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), answered in N ms
            \(block)

            """)
    }

    @Test("a custom message without {####}: the problem and Cognito's refusal, exit 1", .enabled(if: PythonLambda.isAvailable, python))
    func customMessageForgetsTheCode() throws {
        let result = try Self.invoke(["fixtures/custom-message/CustomMessage_SignUp.json"], PythonLambda.command("forgets_code"))
        #expect(result.status == 1)
        #expect(result.stdoutWithoutTimes == """
            fixtures/custom-message/CustomMessage_SignUp.json: Custom message (CustomMessage_SignUp), answered in N ms (cold start)
            Changed:
              response.emailMessage: null -> "Welcome aboard! Your code is on its way."
              response.emailSubject: null -> "Welcome"
            Problems (1):
              response.emailMessage: error: does not contain the code placeholder {####}; Cognito rejects the message
            What Cognito does:
              The response has errors (listed above) that Cognito rejects; the rest is read as follows.
              Cognito sends the email with the subject "Welcome".
              Cognito sends the email message: Welcome aboard! Your code is on its way.


            """)
    }

    @Test("a handler that raises: errorType, errorMessage, stack trace and the error apps see, exit 3", .enabled(if: PythonLambda.isAvailable, python))
    func handlerRaises() throws {
        let result = try Self.invoke([Self.signUp], PythonLambda.command("refuses"))
        #expect(result.status == 3)
        let lines = result.stdoutWithoutTimes.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), failed after N ms (cold start)")
        #expect(lines.contains("  err| refusing"))
        let tail = Array(lines.drop { $0 != "The function reported an error:" })
        #expect(tail == [
            "The function reported an error:",
            "  ValueError: Sign-up is closed",
            "  Stack trace:",
            "      File \"\(PythonLambda.handlers)/triggers.py\", line 25, in refuses",
            "        raise ValueError(\"Sign-up is closed\")",
            "What Cognito does:",
            "  Cognito fails the sign-up: the app's request ends with an error instead of going on.",
            "  Apps typically receive UserLambdaValidationException: PreSignUp failed with error Sign-up is closed. (the wording apps observe; the guide does not spell it out)",
            "", "",
        ])
    }

    @Test("a handler that sleeps past --timeout is stopped and reported as Cognito would see it", .enabled(if: PythonLambda.isAvailable, python))
    func handlerSleeps() throws {
        let start = Date()
        let result = try Self.invoke(["--timeout", "1", Self.signUp], PythonLambda.command("sleeps"))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(result.status == 3)
        #expect(result.stdoutWithoutTimes == """
            fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), failed after N ms (cold start)
            No answer within 1 s: the function's process group (the function and every process it started) was stopped.
            What Cognito does:
              The Cognito developer guide: a trigger function must respond within 5 seconds; if it does not, Cognito retries the call, and after 3 unsuccessful attempts the function times out. The 5-second limit cannot be changed.
              Cognito fails the sign-up: the app's request ends with an error instead of going on.


            """)
    }

    @Test("a handler that returns only the response is told Cognito expects the whole event", .enabled(if: PythonLambda.isAvailable, python))
    func handlerReturnsOnlyTheResponse() throws {
        let result = try Self.invoke([Self.signUp], PythonLambda.command("only_response"))
        #expect(result.status == 1)
        #expect(result.stdoutWithoutTimes == """
            fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), answered in N ms (cold start)
            The answer is only the response object: {"autoConfirmUser":true,"autoVerifyEmail":false,"autoVerifyPhone":false}
            What Cognito does:
              Cognito expects the whole event back, with the response filled in (the guide: the function returns the same event object with any changes in the response). This answer is only the response object, so Cognito does not find it under response: return the event itself.


            """)
    }

    @Test("a handler that prints a lot: the start and end of its output, the rest counted", .enabled(if: PythonLambda.isAvailable, python))
    func handlerPrintsALot() throws {
        let result = try Self.invoke([Self.signUp], PythonLambda.command("chatty"))
        #expect(result.status == 0)
        let lines = result.lines
        let output = lines.filter { $0.hasPrefix("  out| ") }
        #expect(output.count == 40)
        #expect(output.first == "  out| 000000 " + String(repeating: "x", count: 99))
        #expect(lines.contains { $0.hasPrefix("  … ") && $0.hasSuffix(" lines not shown …") })
        // 30,000 lines of 107 bytes: 1 MiB is kept, the rest counted.
        #expect(lines.contains("  … and \(30_000 * 107 - (1 << 20)) bytes more, not kept"))
    }

    @Test("changes outside response are flagged and make the exit status 1", .enabled(if: PythonLambda.isAvailable, python))
    func changesOutsideResponse() throws {
        let result = try Self.invoke([Self.signUp], PythonLambda.command("touches_request"))
        #expect(result.status == 1)
        #expect(result.lines.contains("Changed outside response (Cognito reads only the response, so these are ignored):"))
        #expect(result.lines.contains(#"  request.userAttributes.email: "zoe.thorsdottir@example.com" -> "changed@example.com""#))
    }

    @Test("--write changes only the response's bytes; --output writes elsewhere", .enabled(if: PythonLambda.isAvailable, python))
    func writeAppliesTheResponse() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = String(decoding: Repository.bytes(of: Repository.root + "/" + Self.signUp), as: UTF8.self)
        let file = try folder.write("event.json", original)
        let other = folder.path + "/out.json"
        let copied = try Self.invoke(["--output", other, file], PythonLambda.command("auto_confirm"))
        #expect(copied.status == 0)
        #expect(copied.lines.last == "Wrote the event with the returned response to \(other).")
        let result = try Self.invoke(["--write", file], PythonLambda.command("auto_confirm"))
        #expect(result.status == 0)
        #expect(result.lines.last == "Saved the returned response to \(file) (2 fields).")
        let expected = original
            .replacingOccurrences(of: #""autoConfirmUser": false"#, with: #""autoConfirmUser": true"#)
            .replacingOccurrences(of: #""autoVerifyEmail": false"#, with: #""autoVerifyEmail": true"#)
        #expect(String(decoding: Repository.bytes(of: file), as: UTF8.self) == expected)
        #expect(String(decoding: Repository.bytes(of: other), as: UTF8.self) == expected)
    }

    @Test("--expect over a folder: one line per event, the differences, the totals", .enabled(if: PythonLambda.isAvailable, python))
    func expectOverAFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = String(decoding: Repository.bytes(of: Repository.root + "/" + Self.signUp), as: UTF8.self)
        try folder.write("a-confirmed.json", original
            .replacingOccurrences(of: #""autoConfirmUser": false"#, with: #""autoConfirmUser": true"#)
            .replacingOccurrences(of: #""autoVerifyEmail": false"#, with: #""autoVerifyEmail": true"#))
        try folder.write("b-unconfirmed.json", original)
        try folder.write("c-broken.json", "{ not json")
        let result = try Self.invoke(["--expect", folder.path], PythonLambda.command("auto_confirm"))
        #expect(result.status == 2)
        #expect(result.stdoutWithoutTimes == """
            \(folder.path)/a-confirmed.json: as expected (N ms)
            \(folder.path)/b-unconfirmed.json: differs in 2 fields (N ms)
              response.autoConfirmUser: expected false, got true
              response.autoVerifyEmail: expected false, got true
            \(folder.path)/c-broken.json: not run: \(folder.path)/c-broken.json:1:3: expected a string key in double quotes, found 'n'
            3 events: 1 as expected, 1 differs, 0 failed, 1 not read

            """)
        let clean = try Self.invoke(["--expect", folder.path + "/a-confirmed.json"], PythonLambda.command("auto_confirm"))
        #expect(clean.status == 0)
        #expect(clean.lines.contains("As expected: the response equals the one in the file."))
    }

    @Test("--json gives the outcome, changes, problems and Cognito's reaction", .enabled(if: PythonLambda.isAvailable, python))
    func jsonOutput() throws {
        let result = try Self.invoke(["--json", Self.signUp], PythonLambda.command("auto_confirm"))
        #expect(result.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let entry = try #require(parsed?.first)
        #expect(entry["outcome"] as? String == "answered")
        #expect(entry["triggerSource"] as? String == "PreSignUp_SignUp")
        #expect((entry["changes"] as? [[String: Any]])?.map { $0["path"] as? String } == ["response.autoConfirmUser", "response.autoVerifyEmail"])
        #expect(entry["cognito"] as? [String] == ["Cognito creates the user, confirms the user and marks the email as verified."])
        #expect(entry["status"] as? Int == 0)
    }

    // MARK: - A custom runtime without any AWS library

    @Test(.enabled(if: Curl.isAvailable, curl))
    func theCurlBootstrapRunsAsACustomRuntime() throws {
        let directory = Repository.root + "/Tests/Functions/bootstrap"
        let result = try Binary.run(["invoke", "--handler", "function.confirm", "../../../" + Self.signUp, "../../../" + Self.signUp,
                                     "--", "./bootstrap"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let block = """
            Function output:
              err| confirming
            Changed:
              response.autoConfirmUser: false -> true
            No problems.
            What Cognito does:
              Cognito creates the user, confirms the user.

            """
        #expect(result.stdoutWithoutTimes == """
            ../../../fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), answered in N ms (cold start)
            \(block)
            ../../../fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), answered in N ms
            \(block)

            """)
    }

    // MARK: - Faults, each with its message

    static let signUpFailed = """
        What Cognito does:
          Cognito fails the sign-up: the app's request ends with an error instead of going on.


        """

    @Test(.enabled(if: Curl.isAvailable, curl), arguments: [
        ("exits-early", """
            Function output:
              err| loading the handler
              err| ImportError: no module named app
            The function's process ended (exit status 4) before asking for an event.
              Its last lines on stderr:
                loading the handler
                ImportError: no module named app

            """),
        ("init-error", """
            The function could not start (it reported an init error):
              Runtime.ImportModuleError: Unable to import module app
              Stack trace:
                line one
                line two

            """),
        ("crash", """
            Function output:
              err| Segmentation fault (pretend)
            The function's process ended (exit status 139) while handling the event, without answering.
              Its last lines on stderr:
                Segmentation fault (pretend)

            """),
        ("huge", """
            The answer is 7000000 bytes, over the limit of 6291456 bytes (Lambda's 6 MB limit for an answer to a synchronous call); Lambda reports an error instead.

            """),
    ])
    func functionFailures(mode: String, message: String) throws {
        let result = try Self.invoke([Self.signUp], [Self.runtime, mode])
        #expect(result.status == 3)
        #expect(result.stdoutWithoutTimes == "fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), failed after N ms (cold start)\n"
            + message.dropLast() + "\n" + Self.signUpFailed)
    }

    @Test(.enabled(if: Curl.isAvailable, curl))
    func aReportedErrorShowsTypeMessageTraceAndTheErrorAppsSee() throws {
        let result = try Self.invoke([Self.signUp], [Self.runtime, "error"])
        #expect(result.status == 3)
        #expect(result.stdoutWithoutTimes == """
            fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), failed after N ms (cold start)
            The function reported an error:
              ValueError: Email domain not allowed
              Stack trace:
                  File "app.py", line 3, in handler
            What Cognito does:
              Cognito fails the sign-up: the app's request ends with an error instead of going on.
              Apps typically receive UserLambdaValidationException: PreSignUp failed with error Email domain not allowed. (the wording apps observe; the guide does not spell it out)


            """)
    }

    @Test(.enabled(if: Curl.isAvailable, curl), arguments: [
        ("not-json", "The answer is not JSON: line 1, column 1: expected a value, found 'h'."),
        ("not-utf8", "The answer is not valid UTF-8: line 1, column 7: invalid UTF-8 byte sequence starting with 0xFF."),
    ])
    func unusableAnswers(mode: String, message: String) throws {
        let result = try Self.invoke([Self.signUp], [Self.runtime, mode])
        #expect(result.status == 1)
        #expect(result.stdoutWithoutTimes == """
            fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), answered in N ms (cold start)
            \(message)
            What Cognito does:
              Cognito cannot use this answer: it fails the operation with InvalidLambdaResponseException (the API reference: thrown when Cognito encounters an invalid Lambda response).


            """)
    }

    @Test(.enabled(if: Curl.isAvailable, curl))
    func unknownPathsAndASecondNextAreLogged() throws {
        let unknown = try Self.invoke([Self.signUp], [Self.runtime, "unknown-path"])
        #expect(unknown.status == 0)
        #expect(unknown.lines.contains("Runtime API: GET /2018-06-01/runtime/invocation/status: unknown path, answered 404"))
        let twice = try Self.invoke(["--timeout", "0.5", Self.signUp], [Self.runtime, "asks-twice"])
        #expect(twice.status == 3)
        #expect(twice.lines.contains { $0.hasPrefix("Runtime API: GET /2018-06-01/runtime/invocation/next arrived while request ") })
        #expect(twice.lines.contains("No answer within 0.5 s: the function's process group (the function and every process it started) was stopped."))
        #expect(twice.lines.contains("  It asked for another event without answering this one."))
    }

    @Test func commandsThatCannotStartAreBadUsage() throws {
        let missing = try Self.invoke([Self.signUp], ["no-such-command-cte"])
        #expect(missing.status == 2)
        #expect(missing.stdoutWithoutTimes == """
            fixtures/pre-sign-up/PreSignUp_SignUp.json: Pre sign-up (PreSignUp_SignUp), failed after N ms (cold start)
            cannot start the function: 'no-such-command-cte' was not found in PATH


            """)
        let script = "Tests/Functions/faults/not-executable.sh"
        let notExecutable = try Self.invoke([Self.signUp, Self.signUp], [script])
        #expect(notExecutable.status == 2)
        // The first failure ends the run: the command would fail the same way for every event.
        #expect(notExecutable.lines.count == 2)
        #expect(notExecutable.lines.last == "cannot start the function: '\(script)' is not executable (make it executable with chmod +x, or name its interpreter first)")
    }

    @Test func badUsageAndBadInputExitWith2() throws {
        let noCommand = try Binary.run(["invoke", Self.signUp])
        #expect(noCommand.status == 2)
        #expect(noCommand.stderr == "error: give the function's command after --, such as: -- python -m awslambdaric app.handler (see cognito-explorer invoke --help)\n")
        let noEvent = try Binary.run(["invoke", "--", "true"])
        #expect(noEvent.status == 2)
        #expect(noEvent.stderr == "error: give at least one event file or folder before -- (see cognito-explorer invoke --help)\n")
        let notJSON = try Self.invoke(["fixtures/invalid/not-json.json"], [Self.runtime, "echo"])
        #expect(notJSON.status == 2)
        #expect(notJSON.stdout.hasPrefix("fixtures/invalid/not-json.json:1:1: expected a value, found 'T'\n"))
    }

    @Test func aPortInUseIsReported() throws {
        // Hold a port on 127.0.0.1, then ask invoke for it.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && listen(socket, 1) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        #expect(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try Self.invoke(["--port", String(port), Self.signUp], [Self.runtime, "echo"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot listen on 127.0.0.1:\(port): the address is already in use (another program listens there; leave out --port to take a free one)\n")
    }

    @Test(.enabled(if: Curl.isAvailable, curl))
    func writeRefusesAFileChangedOnDiskMeanwhile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let original = String(decoding: Repository.bytes(of: Repository.root + "/" + Self.signUp), as: UTF8.self)
        let file = try folder.write("event.json", original)
        // A function that edits the event file while it handles the event.
        let script = try folder.write("edits-file.sh", """
            #!/bin/sh
            API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
            H=$(mktemp)
            EVENT=$(curl -sS -D "$H" "$API/invocation/next")
            ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$H" | tr -d '[:space:]' | cut -d: -f2)
            echo " " >> "\(file)"
            echo "$EVENT" | sed 's/"autoConfirmUser": false/"autoConfirmUser": true/' | curl -sS -o /dev/null "$API/invocation/$ID/response" --data-binary @-
            sleep 30
            """)
        chmod(script, 0o755)
        // Through sh: see LambdaHostTests (a freshly written script and concurrent forks).
        let result = try Self.invoke(["--write", file], ["/bin/sh", script])
        #expect(result.status == 1)
        #expect(result.lines.last?.hasPrefix("error: ") == true)
        #expect(result.lines.last?.contains("changed on disk") == true, "\(result.lines.last ?? "")")
        #expect(String(decoding: Repository.bytes(of: file), as: UTF8.self) == original + " \n")
    }
}
