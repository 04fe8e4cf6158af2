import Foundation
import Testing
import TestSupport
@testable import LambdaHost

/// The host speaks the Runtime API to real runtimes: shell scripts with curl (no AWS library), and
/// every fault a function can show.
@Suite(.serialized, .enabled(if: Curl.shouldRunTests, Comment(rawValue: Curl.skipReason))) struct LambdaHostTests {
    /// Under `CI=true` the suite runs even without curl; this says why its other tests then fail.
    @Test func curlIsInstalled() {
        #expect(Curl.isAvailable, Comment(rawValue: Curl.skipReason))
    }

    static let runtime = Repository.root + "/Tests/Functions/faults/runtime.sh"
    static let event = Repository.bytes(of: Repository.fixtures + "/pre-sign-up/PreSignUp_SignUp.json")

    /// A started host for `command`; the caller shuts it down.
    static func host(_ command: [String], timeout: Double = 5, cold: Bool = false, answerLimit: Int = FunctionConfiguration.lambdaAnswerLimit,
                     handler: String? = nil, directory: String = Repository.root) throws -> LambdaHost {
        let host = LambdaHost(FunctionConfiguration(command: command, directory: directory, handler: handler, timeout: timeout,
                                                    coldStarts: cold, answerLimit: answerLimit))
        try host.start()
        return host
    }

    static func text(_ output: [OutputChunk], _ stream: OutputChunk.Stream) -> String {
        String(decoding: output.filter { $0.stream == stream }.flatMap(\.bytes), as: UTF8.self)
    }

    @Test func theCurlBootstrapConfirmsTheUserAndStaysWarmAcrossEvents() throws {
        let host = try Self.host([Repository.root + "/Tests/Functions/bootstrap/bootstrap"], handler: "function.confirm",
                                 directory: Repository.root + "/Tests/Functions/bootstrap")
        defer { host.shutdown() }
        var ids: Set<String> = []
        for round in 0..<3 {
            let invocation = host.invoke(Self.event, region: "eu-west-1")
            guard case .answered(let bytes) = invocation.outcome else {
                Issue.record("round \(round): \(invocation.outcome)")
                return
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains(#""autoConfirmUser": true"#))
            #expect(text.contains(#""autoVerifyEmail": false"#))
            #expect(invocation.coldStart == (round == 0))
            #expect(Self.text(invocation.output, .stderr) == "confirming\n")
            ids.insert(invocation.requestID)
        }
        #expect(ids.count == 3)
    }

    @Test func theFunctionGetsTheLambdaVariablesAndTheHeaders() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let script = try folder.write("env.sh", """
            #!/bin/sh
            H=$(mktemp)
            curl -sS -D "$H" -o /dev/null "http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation/next"
            ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$H" | tr -d '[:space:]' | cut -d: -f2)
            tr -d '\\r' < "$H" | grep -i '^lambda-runtime' | sed 's/: .*//' | sort >&2
            env | grep -E '^(AWS_LAMBDA|AWS_REGION|AWS_DEFAULT_REGION|_HANDLER|LAMBDA_TASK_ROOT|CTE_PASSED)' | sed 's/AWS_LAMBDA_RUNTIME_API=.*/AWS_LAMBDA_RUNTIME_API=set/' | sort >&2
            curl -sS -o /dev/null "http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/invocation/$ID/response" -d '{}'
            sleep 30
            """)
        chmod(script, 0o755)
        var environment = ProcessInfo.processInfo.environment
        environment["CTE_PASSED"] = "through"
        // Run through sh: a script this process has just written may not be exec'd while a
        // concurrent test's fork still holds it open for writing (ETXTBSY).
        let host = LambdaHost(FunctionConfiguration(command: ["/bin/sh", script], environment: environment, directory: "/task", handler: "app.handler", timeout: 4))
        try host.start()
        defer { host.shutdown() }
        let invocation = host.invoke(Self.event, region: "ap-south-1")
        guard case .answered = invocation.outcome else { Issue.record("\(invocation.outcome)"); return }
        #expect(Self.text(invocation.output, .stderr).split(separator: "\n") == [
            "Lambda-Runtime-Aws-Request-Id", "Lambda-Runtime-Deadline-Ms", "Lambda-Runtime-Invoked-Function-Arn", "Lambda-Runtime-Trace-Id",
            "AWS_DEFAULT_REGION=ap-south-1", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128", "AWS_LAMBDA_FUNCTION_NAME=cognito-trigger",
            "AWS_LAMBDA_FUNCTION_TIMEOUT=4", "AWS_LAMBDA_FUNCTION_VERSION=$LATEST", "AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/cognito-trigger",
            "AWS_LAMBDA_LOG_STREAM_NAME=local/cognito-explorer", "AWS_LAMBDA_RUNTIME_API=set", "AWS_REGION=ap-south-1",
            "CTE_PASSED=through", "LAMBDA_TASK_ROOT=/task", "_HANDLER=app.handler",
        ])
    }

    @Test func coldStartsStartAProcessPerEvent() throws {
        let host = try Self.host([Self.runtime, "echo"], cold: true)
        defer { host.shutdown() }
        for _ in 0..<2 {
            let invocation = host.invoke(Self.event, region: nil)
            #expect(invocation.coldStart)
            guard case .answered(let bytes) = invocation.outcome else { Issue.record("\(invocation.outcome)"); return }
            // The shell's $(...) drops the file's final line break.
            #expect(bytes + [0x0A] == Self.event)
        }
    }

    @Test func eachEventOfAWarmProcessHasTheWholeOutputLimit() throws {
        let host = LambdaHost(FunctionConfiguration(command: [Self.runtime, "echo"], directory: Repository.root, outputLimit: 100))
        try host.start()
        defer { host.shutdown() }
        for round in 0..<5 {
            let invocation = host.invoke(Self.event, region: nil)
            // The runtime writes "event ID" (43 bytes) to stderr for each event.
            #expect(Self.text(invocation.output, .stderr) == "event \(invocation.requestID)\n", "round \(round)")
            #expect(invocation.droppedOutputBytes == 0)
        }
    }

    @Test func aCommandThatDoesNotExistOrCannotRunIsNamed() throws {
        let host = try Self.host(["no-such-command-cte"])
        defer { host.shutdown() }
        guard case .couldNotStart(let error) = host.invoke(Self.event, region: nil).outcome else { Issue.record("started"); return }
        #expect(error.description == "cannot start the function: 'no-such-command-cte' was not found in PATH")
        let script = Repository.root + "/Tests/Functions/faults/not-executable.sh"
        let other = try Self.host([script])
        defer { other.shutdown() }
        guard case .couldNotStart(let second) = other.invoke(Self.event, region: nil).outcome else { Issue.record("started"); return }
        #expect(second.description == "cannot start the function: '\(script)' is not executable (make it executable with chmod +x, or name its interpreter first)")
        let missing = try Self.host(["/no/such/file"])
        defer { missing.shutdown() }
        guard case .couldNotStart(let third) = missing.invoke(Self.event, region: nil).outcome else { Issue.record("started"); return }
        #expect(third.description == "cannot start the function: '/no/such/file' does not exist")
    }

    @Test func aFunctionThatExitsBeforeAskingGivesItsStatusAndLastErrorLines() throws {
        let host = try Self.host([Self.runtime, "exits-early"])
        defer { host.shutdown() }
        guard case .exited(let end, let asked, let lines) = host.invoke(Self.event, region: nil).outcome else { Issue.record("no exit"); return }
        #expect(end == .exited(4))
        #expect(!asked)
        #expect(lines == ["loading the handler", "ImportError: no module named app"])
    }

    @Test func aCrashWhileHandlingTheEventIsReported() throws {
        let host = try Self.host([Self.runtime, "crash"])
        defer { host.shutdown() }
        guard case .exited(let end, let asked, let lines) = host.invoke(Self.event, region: nil).outcome else { Issue.record("no exit"); return }
        #expect(end == .exited(139))
        #expect(asked)
        #expect(lines == ["Segmentation fault (pretend)"])
    }

    @Test func initAndInvocationErrorsCarryTypeMessageAndTrace() throws {
        let host = try Self.host([Self.runtime, "init-error"])
        defer { host.shutdown() }
        guard case .initError(let error) = host.invoke(Self.event, region: nil).outcome else { Issue.record("no init error"); return }
        #expect(error.type == "Runtime.ImportModuleError")
        #expect(error.message == "Unable to import module app")
        #expect(error.stackTrace == ["line one", "line two"])

        let failing = try Self.host([Self.runtime, "error"])
        defer { failing.shutdown() }
        guard case .functionError(let reported) = failing.invoke(Self.event, region: nil).outcome else { Issue.record("no error"); return }
        #expect(reported.type == "ValueError")
        #expect(reported.message == "Email domain not allowed")
        #expect(reported.stackTrace == [#"  File "app.py", line 3, in handler"#])
    }

    @Test func aTimeoutKillsTheWholeProcessGroup() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let childFile = folder.path + "/child.pid"
        let host = try Self.host([Self.runtime, "sleeps", childFile], timeout: 0.6)
        defer { host.shutdown() }
        let invocation = host.invoke(Self.event, region: nil)
        guard case .timedOut(let seconds, let asked, let again) = invocation.outcome else { Issue.record("\(invocation.outcome)"); return }
        #expect(seconds == 0.6)
        #expect(asked && !again)
        #expect(invocation.duration < 3)
        let child = Int32(String(decoding: Repository.bytes(of: childFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(child > 0)
        // The child is gone (or a zombie of its reaper, about to go): kill(0) fails with ESRCH.
        var gone = false
        for _ in 0..<100 where !gone {
            gone = kill(child, 0) != 0 || (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?.contains(") Z ") == true
            if !gone { usleep(20_000) }
        }
        #expect(gone)
    }

    @Test func answersOverTheLimitAreRefused() throws {
        let host = try Self.host([Self.runtime, "echo"], answerLimit: 500)
        defer { host.shutdown() }
        let outcome = host.invoke(Self.event, region: nil).outcome
        guard case .answerTooLarge(let bytes, let limit) = outcome else { Issue.record("\(outcome)"); return }
        #expect(bytes == Self.event.count - 1)
        #expect(limit == 500)
    }

    @Test func aRuntimeThatExpects100ContinueIsNotKeptWaiting() throws {
        let host = try Self.host([Self.runtime, "expects-continue"])
        defer { host.shutdown() }
        let invocation = host.invoke(Self.event, region: nil)
        guard case .answered(let bytes) = invocation.outcome else { Issue.record("\(invocation.outcome)"); return }
        #expect(bytes + [0x0A] == Self.event)
        // curl waits a whole second for "100 Continue" before sending the body anyway.
        #expect(invocation.duration < 0.9)
    }

    @Test func unknownPathsGet404AndAreLogged() throws {
        let host = try Self.host([Self.runtime, "unknown-path"])
        defer { host.shutdown() }
        let invocation = host.invoke(Self.event, region: nil)
        guard case .answered = invocation.outcome else { Issue.record("\(invocation.outcome)"); return }
        #expect(invocation.hostLog == ["GET /2018-06-01/runtime/invocation/status: unknown path, answered 404"])
    }

    @Test func aSecondNextWhileAnEventIsInFlightWaits() throws {
        let host = try Self.host([Self.runtime, "asks-twice"], timeout: 0.8)
        defer { host.shutdown() }
        let invocation = host.invoke(Self.event, region: nil)
        guard case .timedOut(_, true, true) = invocation.outcome else { Issue.record("\(invocation.outcome)"); return }
        #expect(invocation.hostLog.count == 1)
        #expect(invocation.hostLog.first?.hasSuffix("was not answered yet; it waits for the next event, as in Lambda") == true)
    }

    @Test func aPortInUseIsReportedAndTheHostListensOnLoopbackOnly() throws {
        let first = try Self.host([Self.runtime, "echo"])
        defer { first.shutdown() }
        #expect(first.runtimeAPIAddress.hasPrefix("127.0.0.1:"))
        let port = Int(first.runtimeAPIAddress.split(separator: ":").last ?? "") ?? 0
        let second = LambdaHost(FunctionConfiguration(command: ["true"], port: port))
        defer { second.shutdown() }
        #expect(throws: HostError("cannot listen on 127.0.0.1:\(port): the address is already in use (another program listens there; leave out --port to take a free one)")) {
            try second.start()
        }
    }
}
