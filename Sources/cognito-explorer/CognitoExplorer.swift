import ArgumentParser

@main
struct CognitoExplorer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cognito-explorer",
        abstract: "Browse, check and edit Amazon Cognito user pool Lambda trigger events.",
        subcommands: [Explore.self, Check.self, Show.self, SetFields.self, Redact.self, New.self, Triggers.self, Render.self, Keys.self],
        defaultSubcommand: Explore.self
    )
}
