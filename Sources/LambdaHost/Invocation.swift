import Foundation

/// What the function process is started with.
public struct FunctionConfiguration: Sendable {
    /// The command and its arguments, such as `["python", "-m", "awslambdaric", "app.handler"]`.
    public var command: [String]
    /// The environment the function inherits; the Lambda variables are set on top of it.
    public var environment: [String: String]
    /// `LAMBDA_TASK_ROOT`; the function runs in the current folder, which is the default.
    public var directory: String
    /// `AWS_LAMBDA_FUNCTION_NAME`.
    public var functionName: String
    /// `_HANDLER`, set only when given.
    public var handler: String?
    /// `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, in MB.
    public var memorySize: Int
    /// Seconds the function has for one event, counted from the moment the event is offered
    /// (a cold start included); also `AWS_LAMBDA_FUNCTION_TIMEOUT`, rounded up.
    public var timeout: Double
    /// Start a new process for every event instead of keeping one warm.
    public var coldStarts: Bool
    /// The loopback port to listen on; 0 takes a free one.
    public var port: Int
    /// The largest answer accepted, in bytes (Lambda's limit for a synchronous answer is 6 MB).
    public var answerLimit: Int
    /// How many bytes of the function's output are kept per event (the rest is counted).
    public var outputLimit: Int

    /// Lambda's limit on the answer of a synchronous invocation: 6 MB.
    public static let lambdaAnswerLimit = 6 * 1024 * 1024

    /// A configuration with Lambda's usual values for everything but the command.
    public init(command: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                directory: String = FileManager.default.currentDirectoryPath, functionName: String = "cognito-trigger",
                handler: String? = nil, memorySize: Int = 128, timeout: Double = 5, coldStarts: Bool = false,
                port: Int = 0, answerLimit: Int = FunctionConfiguration.lambdaAnswerLimit, outputLimit: Int = 1 << 20) {
        self.command = command
        self.environment = environment
        self.directory = directory
        self.functionName = functionName
        self.handler = handler
        self.memorySize = memorySize
        self.timeout = timeout
        self.coldStarts = coldStarts
        self.port = port
        self.answerLimit = answerLimit
        self.outputLimit = outputLimit
    }

    /// The ARN handed to the function as `Lambda-Runtime-Invoked-Function-Arn`.
    func functionARN(region: String) -> String {
        "arn:aws:lambda:\(region):000000000000:function:\(functionName)"
    }

    /// The function's environment: the inherited one with the Lambda variables on top.
    func processEnvironment(runtimeAPI: String, region: String) -> [String: String] {
        var environment = self.environment
        environment["AWS_LAMBDA_RUNTIME_API"] = runtimeAPI
        environment["AWS_LAMBDA_FUNCTION_NAME"] = functionName
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST"
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = String(memorySize)
        environment["AWS_LAMBDA_FUNCTION_TIMEOUT"] = String(Int(timeout.rounded(.up)))
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/\(functionName)"
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = "local/cognito-explorer"
        environment["AWS_REGION"] = region
        environment["AWS_DEFAULT_REGION"] = region
        environment["LAMBDA_TASK_ROOT"] = directory
        if let handler { environment["_HANDLER"] = handler }
        // Python buffers output written to a pipe; without this, print() lines of a warm process
        // would show up one event late.
        if environment["PYTHONUNBUFFERED"] == nil { environment["PYTHONUNBUFFERED"] = "1" }
        return environment
    }
}

/// The error a function reported through `/error` or `/init/error`.
public struct FunctionError: Sendable, Hashable {
    /// `errorType` of the body (or the `Lambda-Runtime-Function-Error-Type` header).
    public let type: String?
    /// `errorMessage` of the body.
    public let message: String?
    /// `stackTrace` of the body, one entry a line.
    public let stackTrace: [String]
    /// The body as sent, for bodies that are not the usual JSON object.
    public let body: [UInt8]

    /// Reads the body the runtime posted; any shape is accepted.
    public init(body: [UInt8], typeHeader: String?) {
        self.body = body
        var type = typeHeader
        var message: String?
        var trace: [String] = []
        if let object = (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) as? [String: Any] {
            if let value = object["errorType"] as? String { type = value }
            message = object["errorMessage"] as? String
            if let lines = object["stackTrace"] as? [Any] {
                // Python's client sends frames that hold several lines each.
                trace = lines.flatMap { (($0 as? String) ?? "\($0)").split(separator: "\n").map(String.init) }
            } else if let text = object["stackTrace"] as? String {
                trace = text.split(separator: "\n").map(String.init)
            }
        }
        self.type = type
        self.message = message
        self.stackTrace = trace
    }
}

/// How one invocation ended.
public enum InvocationOutcome: Sendable {
    /// The function posted an answer (not yet checked: it may not even be JSON).
    case answered([UInt8])
    /// The function reported an error for the event.
    case functionError(FunctionError)
    /// The runtime reported that it could not start (`/init/error`).
    case initError(FunctionError)
    /// The process ended without answering.
    case exited(ProcessEnd, askedForEvent: Bool, lastErrorLines: [String])
    /// No answer within the timeout; the process group was killed.
    case timedOut(seconds: Double, askedForEvent: Bool, askedAgain: Bool)
    /// The answer was larger than the limit.
    case answerTooLarge(bytes: Int, limit: Int)
    /// The command could not be started.
    case couldNotStart(LaunchError)
    /// The host could not listen on its port.
    case hostFailed(HostError)

    /// True for every outcome but an answer.
    public var isFailure: Bool {
        if case .answered = self { return false }
        return true
    }
}

/// Everything known about one invocation.
public struct Invocation: Sendable {
    /// The request id handed to the function.
    public let requestID: String
    /// How it ended.
    public let outcome: InvocationOutcome
    /// Seconds from offering the event to its end.
    public let duration: Double
    /// True when a new process was started for this event (a cold start).
    public let coldStart: Bool
    /// What the function wrote while handling the event.
    public let output: [OutputChunk]
    /// Output bytes beyond the kept limit, counted but not kept.
    public let droppedOutputBytes: Int
    /// What the host noticed: requests to unknown paths, out-of-turn requests.
    public let hostLog: [String]
}

/// A failure of the host itself.
public struct HostError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, where and what to do.
    public let description: String

    /// Makes an error with its message.
    public init(_ description: String) { self.description = description }
}
