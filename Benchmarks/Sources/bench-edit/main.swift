// The parts of one edit of a large event, each timed on its own:
//
//     bench-edit REPEAT PATH
//
// Opens the event, then REPEAT times: flips the first boolean claim of the response (an edit),
// undoes it and redoes it; validates the event; lists its duplicate keys. Then REPEAT times:
// removes that claim, and adds a new one to its map (each undone after it is timed). Prints the median time of each part
// in milliseconds, so a change to one of them can be measured before and after.
import CognitoTriggers
import Foundation
import JSONDocument

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("bench-edit: " + message + "\n").utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2, let repeatCount = Int(arguments[0]), repeatCount > 0 else {
    fail("usage: bench-edit REPEAT PATH")
}
let bytes: [UInt8]
do { bytes = try FileStore.read(arguments[1]) } catch { fail(error.description) }

let clock = ContinuousClock()
func ms(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

var started = clock.now
var event: TriggerEvent
do { event = try TriggerEvent(bytes: bytes) } catch { fail("not JSON: \(error)") }
print(String(format: "open %.3f", ms(clock.now - started)))

// The first boolean under response, depth first.
var target: JSONPath? = nil
var stack: [(JSONNode, JSONPath)] = event.document.node(at: ["response"]).map { [($0, ["response"])] } ?? []
search: while let (node, path) = stack.popLast() {
    if node.kind == .bool { target = path; break search }
    var position = 0
    var children: [(JSONNode, JSONPath)] = []
    for child in node.children {
        children.append((child, path + [child.key.map { PathComponent.key($0) } ?? .index(position)]))
        position += 1
    }
    stack += children.reversed()
}
guard let target, let value = event.document.node(at: target)?.boolValue else { fail("no boolean under response") }

var edit: [Double] = [], undo: [Double] = [], redo: [Double] = [], validate: [Double] = [], duplicates: [Double] = []
var remove: [Double] = [], add: [Double] = []
let added = JSONPath(target.dropLast()) + [.key("bench_added_claim")]
var check = 0
for round in 0..<repeatCount {
    started = clock.now
    do { try event.document.setValue(.bool(round % 2 == 0 ? !value : value), at: target) } catch { fail("edit: \(error)") }
    edit.append(ms(clock.now - started))
    started = clock.now
    _ = event.document.undo()
    undo.append(ms(clock.now - started))
    started = clock.now
    _ = event.document.redo()
    redo.append(ms(clock.now - started))
    started = clock.now
    check &+= event.validate().count
    validate.append(ms(clock.now - started))
    started = clock.now
    check &+= event.document.duplicateKeys.count
    duplicates.append(ms(clock.now - started))
}
// Apart from the loop above: these change the number of nodes, and the new claim goes at the end
// of the map, far from the flipped one (the edits above would then move the text between).
for _ in 0..<repeatCount {
    started = clock.now
    do { try event.document.removeValue(at: target) } catch { fail("remove: \(error)") }
    remove.append(ms(clock.now - started))
    _ = event.document.undo()
    started = clock.now
    do { try event.document.setValue(.string("added"), at: added) } catch { fail("add: \(error)") }
    add.append(ms(clock.now - started))
    _ = event.document.undo()
}
print("edit at \(target.dottedString)")
for (name, values) in [("edit", edit), ("undo", undo), ("redo", redo), ("validate", validate), ("duplicateKeys", duplicates),
                      ("remove", remove), ("add", add)] {
    print(String(format: "%@ %.3f", name, median(values)))
}
print("check \(check)")
