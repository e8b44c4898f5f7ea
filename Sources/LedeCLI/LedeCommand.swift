public import ArgumentParser

/// The `lede` command: builds, previews and checks news explainers.
public struct LedeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Build, preview and check news explainer sites."
    )

    public init() {}
}
