/// What one `triggerSource` value means for the function that receives it.
public struct TriggerSourceSpec: Sendable, Hashable {
    /// The source described.
    public let source: TriggerSource
    /// When Cognito sends this source, in one or two sentences.
    public let summary: String

    /// Creates a source description.
    public init(source: TriggerSource, summary: String) {
        self.source = source
        self.summary = summary
    }
}

/// Everything the catalogue knows about one trigger: when it runs, its sources and its fields.
public struct TriggerSpec: Sendable, Hashable {
    /// The trigger described.
    public let trigger: Trigger
    /// The name used in headings, such as "Pre sign-up".
    public let title: String
    /// A name of at most 10 characters for list columns, such as "PreSignUp" or "Token v2".
    public let shortLabel: String
    /// When Cognito calls the function, what it may change, and what happens next.
    public let summary: String
    /// For triggers without response fields, why there is nothing to return; nil otherwise.
    public let responseNote: String?
    /// The `triggerSource` values this trigger receives.
    public let sources: [TriggerSourceSpec]
    /// The request and response fields of this trigger, parents before children; the common fields are separate.
    public let fields: [FieldSpec]

    /// Creates a trigger description.
    public init(
        trigger: Trigger,
        title: String,
        shortLabel: String,
        summary: String,
        responseNote: String? = nil,
        sources: [TriggerSourceSpec],
        fields: [FieldSpec]
    ) {
        self.trigger = trigger
        self.title = title
        self.shortLabel = shortLabel
        self.summary = summary
        self.responseNote = responseNote
        self.sources = sources
        self.fields = fields
    }

    /// The fields under `request`, including the `request` object itself.
    public var requestFields: [FieldSpec] { fields.filter { $0.section == .request } }

    /// The fields under `response`, including the `response` object itself.
    public var responseFields: [FieldSpec] { fields.filter { $0.section == .response } }

    /// True when the function can hand something back to Cognito through `response`.
    public var hasResponseFields: Bool { fields.contains { $0.section == .response && $0.path.count > 1 } }
}
