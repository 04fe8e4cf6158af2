import Foundation
import CognitoTriggers
import JSONDocument
import TerminalText

extension ExplorerState {
    mutating func openPicker(title: String, options: [String], current: String?, purpose: PickerPurpose) {
        guard !options.isEmpty else {
            message = StatusMessage("the catalogue lists no values here; use r to type any value", .warning)
            return
        }
        let cursor = current.flatMap { options.firstIndex(of: $0) } ?? 0
        overlay = .picker(Picker(title: title, options: options, cursor: cursor, purpose: purpose))
    }

    mutating func handlePickerKey(_ key: Key) -> [Effect] {
        guard case .picker(var picker)? = overlay, let command = Keymap.command(for: key, in: .enumPicker) else { return [] }
        switch command {
        case .moveUp: picker.cursor = max(0, picker.cursor - 1)
        case .moveDown: picker.cursor = min(picker.options.count - 1, picker.cursor + 1)
        case .top: picker.cursor = 0
        case .bottom: picker.cursor = max(0, picker.options.count - 1)
        case .cancel:
            overlay = nil
            message = StatusMessage("cancelled")
            return []
        case .choose:
            overlay = nil
            guard picker.options.indices.contains(picker.cursor) else { return [] }
            let value = picker.options[picker.cursor]
            switch picker.purpose {
            case .setValue(let path):
                applyEdit("\(path.dottedString) = \"\(TerminalText.escaped(value))\"") { document throws(JSONEditError) in
                    try document.setValue(.string(value), at: path, createMissing: true)
                }
            case .appendValue(let path):
                addEntry(to: path, key: nil, value: .string(value))
            }
            return []
        default:
            break
        }
        overlay = .picker(picker)
        return []
    }
}
