import Foundation

extension Scaffold {
    /// The placeholder explainer of a new site: every page kind once, every claim cited, so that
    /// it builds and passes `lede check` before an author has changed a line.
    static let content: [String: String] = [
        // What a build writes beside the sources: the site, Lede's spare folder.
        ".gitignore": #"""
        Output/
        .*.lede-*
        """# + "\n",
        "Content/_site.yaml": #"""
        title: "Replace this title: the story, explained"
        base_url: "https://example.org/explainers/new-story/"
        language: en
        description: "Replace this description: one sentence on what the explainer covers."
        author: { name: "Your explainer desk" }
        publisher: { name: "Your publication", url: "https://example.org/" }
        report_error_url: "mailto:corrections@example.org"
        publishing_principles: "/sourcing-notes/"
        unsafe_html: false

        """#,
        "Content/_sources.yaml": #"""
        # Sources named in the seed report (seeds/example.txt). Replace this placeholder.
        # label: how the explainer refers to the source, in full ("two senior officials").
        # attribution: named (with name: and role:), on-record-unnamed, or anonymous.
        # A named person needs no label: name: "Ada Reyes" and role: "council member"
        # read "Ada Reyes, council member".
        placeholder-official:
          kind: official
          attribution: anonymous
          label: "a placeholder official"
          count: 1
          vantage: "replace with how this source knows what they say"
          why_anonymous: "replace with the reason the report gives, or write: not stated"
          cites: ["[¶1](seed:p1)"]
          notes: "Replace this note with what the report says of this source [¶1](seed:p1)."

        """#,
        "seeds/example.txt": #"""
        Replace this line with the first paragraph of your source report.
        Replace this line with the second paragraph of your source report.
        Replace this line with the third paragraph of your source report.

        """#,
        "seeds/example.yaml": #"""
        title: "The source report"
        description: "Replace this with the report's outlet and date, if the file states them."

        """#,
        "Content/index.md": #"""
        ---
        title: "Replace this headline"
        description: "Replace this dek: what happened, according to whom."
        date: 2026-01-01T09:00:00Z
        developing: true
        key_points:
          - "Replace this key point; every key point cites a paragraph [¶1](seed:p1)."
        known:
          - text: "Replace this with something the report states [¶1](seed:p1)."
            sources: [placeholder-official]
          - text: "Replace this with a second fact, in the report's own voice [¶2](seed:p2)."
        unknown:
          - text: "Replace this with something the report leaves open [¶3](seed:p3)."
        ---
        Replace this with the explainer text. Cite every statement about the events [¶1](seed:p1).

        ## Background

        Headings make the table of contents [¶2](seed:p2).

        The first use of a glossary term, such as the placeholder term, links to its definition.

        """#,
        "Content/timeline/index.md": #"""
        ---
        title: "Timeline"
        description: "The events the report dates or sequences, in order."
        ---
        Replace this with a note on how the events are dated [¶1](seed:p1).

        """#,
        "Content/timeline/010-first-event.md": #"""
        ---
        title: "Replace this event title"
        order: 10
        date:
          text: "in 2026"
          precision: year
          value: "2026"
          note: "replace with the report's own words for the date"
        certainty: reported
        sources: [placeholder-official]
        ---
        Replace this with what happened, cited [¶1](seed:p1).

        """#,
        "Content/glossary/index.md": #"""
        ---
        title: "Glossary"
        description: "Plain definitions of the terms the report uses, as general background."
        ---
        These definitions are general background, not facts about the events.

        """#,
        "Content/glossary/placeholder-term.md": #"""
        ---
        title: "Placeholder term"
        short: "Replace this with a one-sentence plain definition."
        background: true
        references:
          - title: "Replace with a public reference"
            url: "https://example.org/reference"
        ---
        *General background.* Replace this with the definition.

        **In this report.** Replace this with how the report uses the term [¶2](seed:p2).

        """#,
        "Content/sourcing-notes.md": #"""
        ---
        title: "Sourcing notes"
        description: "Who the report's sources are, which claims rest on each, and how this explainer was made."
        # unconfirmed:   list claims that rest on a single or anonymous source, each cited:
        #   - "Replace this with such a claim [¶1](seed:p1)."
        ---

        ## What this explainer is based on

        Replace this with the report this explainer is based on, and how it was read [¶1](seed:p1).

        ## Method

        - **Timeline labels.** *Stated by the report* means the report says it in its own voice, naming no source; we have not checked it independently. *Reported* means the report attributes it to a source or hedges it ("reportedly"). *Expected* means it had not happened when the report was written. *Disputed* means the report gives conflicting accounts.

        """#,
        "Content/updates/index.md": #"""
        ---
        title: "Updates"
        description: "A dated log of changes and corrections to this explainer."
        ---
        This page lists each change to the explainer, newest first, and any corrections.

        """#,
        "Content/updates/2026-01-01-first-version.md": #"""
        ---
        title: "First version published"
        date: 2026-01-01T09:00:00Z
        type: update
        ---
        Replace this with what changed [¶3](seed:p3).

        """#,
        "Content/about.md": #"""
        ---
        title: "About this explainer"
        description: "What this site is, how it was made, and how to report an error."
        ---
        Replace this with what the explainer covers. It has an [overview](index.md), a
        [timeline](timeline/index.md), a [glossary](glossary/index.md),
        [sourcing notes](sourcing-notes.md) and a log of [updates](updates/index.md).

        """#,
    ]

    /// Every file of a new site, by path relative to its folder.
    static var files: [String: String] {
        content.merging(theme) { first, _ in first }
    }

    /// Writes a new site into `folder`, which must be missing or empty.
    /// - Throws: ``ScaffoldError`` when the folder holds anything, or a file cannot be written.
    static func write(to folder: URL) throws {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw ScaffoldError(reason: .notAFolder, path: folder.path) }
            let entries = try fileManager.contentsOfDirectory(atPath: folder.path)
            guard entries.isEmpty else { throw ScaffoldError(reason: .notEmpty, path: folder.path) }
        }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}

/// Why `lede new` refused to write a site.
struct ScaffoldError: Error, CustomStringConvertible {
    /// What was wrong with the destination.
    enum Reason {
        case notEmpty
        case notAFolder
    }

    var reason: Reason
    var path: String

    var description: String {
        switch reason {
        case .notEmpty: "\(path) is not empty: lede new only writes into a new or empty folder"
        case .notAFolder: "\(path) is a file, not a folder"
        }
    }
}
