/// What a key asks the explorer to do; the keymaps bind keys to these.
public enum Command: String, Hashable, Sendable, CaseIterable {
    // Moving around
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case nextPane, previousPane
    case expand, collapse, expandAll, collapseAll
    case activate, view, rawView
    // Finding
    case search, nextMatch, previousMatch, toggleSort, nextProblem, previousProblem, details
    case copyValue, copyPath
    // Editing
    case toggle, unset, setNull, addEntry, openEditor, rawEdit
    case undo, redo, save, saveAs, reload
    // Application
    case help, quit, interrupt, close
    // Layout
    case narrowList, widenList, toggleList, zoom
    // The user's function
    case runFunction, applyResult
    // Trigger map
    case triggerMap, nextJourney, previousJourney, nextSource, previousSource, nextVersion
    // Text input
    case cursorLeft, cursorRight, lineStart, lineEnd, wordLeft, wordRight
    case deleteBackward, deleteForward, deleteWordBackward, clearLine
    case submit, cancel, switchField
    // Prompts
    case choose, answerSave, answerDiscard, answerCancel, answerReplace, answerKeep, answerReload
    case answerRestore
}
