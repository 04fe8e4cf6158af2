extension ExplorerState {
    // MARK: Pastes

    /// Inserts pasted text into the open text input at once (one insertion, however long);
    /// elsewhere says where a paste goes.
    mutating func paste(_ text: String) -> [Effect] {
        switch overlay {
        case .prompt(var prompt)?:
            prompt.editor.insert(text)
            prompt.error = nil
            overlay = .prompt(prompt)
            return promptTextChanged(prompt)
        case .raw(var form)?:
            if form.isEditingValue { form.value.insert(text) } else { form.path.insert(text) }
            form.error = nil
            overlay = .raw(form)
            return []
        default:
            message = StatusMessage("pasted text goes into a text input: open one first (Enter on a response value, / to search, r for raw edit)", .warning)
            return []
        }
    }
}
