// Parse throughput on the same bytes: JSONDocument against Foundation's JSONSerialization and JSONDecoder.
//
//     bench-parse TOOL REPEAT PATH...
//
// TOOL is jsondocument, jsonserialization or jsondecoder. Folders are searched for *.json (in name
// order, like `cognito-explorer check`). Every file is read into memory first; then one warm-up pass
// and REPEAT timed passes parse every file, and each pass prints `pass MILLISECONDS`. The process
// holds the inputs and one pass's results at a time, so its peak memory is that of the parser.
import CognitoTriggers
import Foundation
import JSONDocument

/// Any JSON value, for JSONDecoder (which needs a Decodable type to decode into).
enum AnyJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: AnyJSON].self) {
            self = .object(value)
        } else if let value = try? container.decode([AnyJSON].self) {
            self = .array(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else {
            self = .number(try container.decode(Double.self))
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("bench-parse: " + message + "\n").utf8))
    exit(2)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 3, let repeatCount = Int(arguments[arguments.startIndex + 1]), repeatCount > 0 else {
    fail("usage: bench-parse jsondocument|jsonserialization|jsondecoder REPEAT PATH...")
}
let tool = arguments[arguments.startIndex]
let (files, problems) = EventFiles.expand(Array(arguments.dropFirst(2)))
if let problem = problems.first { fail(problem.description) }

var inputs: [[UInt8]] = []
var totalBytes = 0
for file in files {
    do { inputs.append(try FileStore.read(file)) } catch { fail(error.description) }
    totalBytes += inputs[inputs.count - 1].count
}
let datas = tool == "jsondocument" ? [] : inputs.map { Data($0) }
if tool != "jsondocument" { inputs = [] }

/// One pass over every input; returns a number that depends on the results, so nothing is skipped.
@MainActor func pass() -> Int {
    var check = 0
    switch tool {
    case "jsondocument":
        for bytes in inputs {
            do { check &+= try JSONDocument(bytes: bytes).root.count } catch { fail("not JSON: \(error)") }
        }
    case "jsonserialization":
        for data in datas {
            do {
                let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                check &+= (value as? [String: Any])?.count ?? (value as? [Any])?.count ?? 0
            } catch { fail("not JSON: \(error)") }
        }
    case "jsondecoder":
        let decoder = JSONDecoder()
        for data in datas {
            do {
                switch try decoder.decode(AnyJSON.self, from: data) {
                case .object(let members): check &+= members.count
                case .array(let elements): check &+= elements.count
                default: break
                }
            } catch { fail("not JSON: \(error)") }
        }
    default:
        fail("unknown tool \(tool)")
    }
    return check
}

let clock = ContinuousClock()
var checksum = pass()
for _ in 0..<repeatCount {
    let start = clock.now
    checksum &+= pass()
    let (seconds, attoseconds) = (clock.now - start).components
    print(String(format: "pass %.3f", Double(seconds) * 1000 + Double(attoseconds) / 1e15))
}
print("files \(files.count) bytes \(totalBytes) checksum \(checksum)")
