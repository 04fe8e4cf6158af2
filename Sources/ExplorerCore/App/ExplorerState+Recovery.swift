import JSONDocument
import TerminalText

extension ExplorerState {
    // MARK: Recovery files

    /// The edited events to keep when the program is ended by a signal: each file with unsaved
    /// edits (new events and events from logs, which have no file of their own, are left out) and its edited text.
    public var unsavedDocuments: [(path: String, bytes: [UInt8])] {
        unsavedEvents.compactMap { key in
            guard let file = key.file, let bytes = sessions[key]?.event?.document.bytes else { return nil }
            return (file, bytes)
        }
    }

    /// A recovery file was found for a file just opened: ask what to do with it, unless the file
    /// already has edits in this run or another question is open (then it is offered next time).
    mutating func offerRecovery(path: String, bytes: [UInt8]) -> [Effect] {
        guard !recoveryOffered.contains(path), overlay == nil,
              let session = sessions[.file(path: path)], session.event != nil, !session.hasUnsavedEdits else { return [] }
        recoveryOffered.insert(path)
        overlay = .recovery(RecoveryOffer(path: path, bytes: bytes))
        return []
    }

    mutating func handleRecoveryKey(_ key: Key) -> [Effect] {
        guard case .recovery(let offer)? = overlay, let command = Keymap.command(for: key, in: .recovery) else { return [] }
        overlay = nil
        let name = displayName(offer.path)
        switch command {
        case .answerRestore:
            let restored = applyEdit("restored the unsaved edits of \(name) from its recovery file; save to keep them", event: .file(path: offer.path)) { document throws(JSONEditError) in
                try document.replaceText(with: offer.bytes)
            }
            guard restored else {
                let reason = message?.text ?? "it could not be read"
                message = StatusMessage("recovery file of \(name) kept: \(reason)", .error)
                return []
            }
            return [.removeRecovery(path: offer.path)]
        case .answerDiscard:
            message = StatusMessage("discarded the recovery file of \(name)")
            return [.removeRecovery(path: offer.path)]
        default:
            message = StatusMessage("kept the recovery file \(TerminalText.escaped(RecoveryFile.path(for: offer.path).split(separator: "/").last.map(String.init) ?? "")) for later; it is offered the next time \(name) is opened")
            return []
        }
    }
}
