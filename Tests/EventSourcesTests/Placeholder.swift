import EventSources
import Foundation
import Testing

@Test func scratchDump() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/logs").path
    for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name != "make.py" {
        let reader = try EventReader.open(folder + "/" + name)
        print("== \(name)")
        do {
            while let item = try reader.next() {
                switch item {
                case .event(let found): print("  event \(found.origin.name) col \(found.origin.column) \(found.triggerSourceName ?? "?") path=\(found.origin.pathDescription) enc=\(found.origin.encoding) whole=\(found.origin.isWholeFile) range=\(found.origin.byteRange)")
                case .problem(let problem): print("  problem \(problem)")
                }
            }
        } catch { print("  error \(error)") }
        print("  counts \(reader.counts)")
    }
}
