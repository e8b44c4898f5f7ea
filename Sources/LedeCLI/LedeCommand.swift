public import ArgumentParser

/// The `lede` command: builds, previews and checks news explainers.
public struct LedeCommand: AsyncParsableCommand {
    /// The command's name, help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Build, preview and check news explainer sites.",
        discussion: """
            A site folder holds Content/ (Markdown with YAML front matter, and Content/_site.yaml), \
            seeds/ (the source documents), Templates/ (Mustache) and Public/ (static files). \
            The built site goes to Output/.
            """,
        version: LedeVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, AcceptCommand.self]
    )

    /// Creates the command; ArgumentParser fills it from the command line.
    public init() {}
}
