import Foundation

/// The OSC 52 escape sequence that sets a terminal's clipboard.
public enum Clipboard {
    /// `ESC ] 52 ; c ; BASE64 BEL`: the text, base64-encoded, for the clipboard selection. Base64
    /// holds no control character, so nothing of the text can reach the terminal as a command.
    public static func osc52(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
    }
}
