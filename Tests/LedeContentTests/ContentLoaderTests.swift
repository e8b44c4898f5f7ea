import Foundation
import LedeCore
import Testing

@testable import LedeContent

#if canImport(Glibc)
    import Glibc
#endif

/// Loading whole sites whose files and folders have unusual names or permissions.
@Suite struct ContentLoaderTests {
    static let configFile = Data(configText(replacing: "none", with: nil).utf8)

    static func page(_ title: String) -> Data { Data("---\ntitle: \(title)\n---\nBody.\n".utf8) }

    /// Metadata left in seeds/ without its text (the scaffold's example.yaml) is a located
    /// warning, not silently ignored; metadata beside its text is not.
    @Test func seedMetadataWithoutItsTextIsAWarning() throws {
        let site = try withSite([
            "Content/_site.yaml": Self.configFile, "seeds/report.txt": Data("One.\n".utf8),
            "seeds/report.yaml": Data("title: Report\n".utf8), "seeds/example.yaml": Data("title: Example\n".utf8),
            "seeds/old.yml": Data("title: Old\n".utf8),
        ]) { root in try ContentLoader(root: root).load() }
        #expect(site.documents.map(\.title) == ["Report"])
        #expect(
            site.warnings.map(\.description) == [
                "seeds/example.yaml: warning: no seeds/example.txt beside this file: it describes no source document and is ignored (add the text or delete the file)",
                "seeds/old.yml: warning: no seeds/old.txt beside this file: it describes no source document and is ignored (add the text or delete the file)",
            ])
    }

    /// On a file system that ignores case, /About/ and /about/ are one folder.
    @Test func urlsThatDifferOnlyInCaseAreAWarning() throws {
        let site = try withSite([
            "Content/_site.yaml": Self.configFile, "Content/About.md": Self.page("A"),
            "Content/about.md": Self.page("B"),
            "Content/team.md": Self.page("T"),
        ]) { root in try ContentLoader(root: root).load() }
        #expect(
            site.warnings.map(\.description) == [
                "Content/about.md: warning: Content/About.md and Content/about.md make pages whose URLs differ only in "
                    + "letter case (/About/ and /about/): on macOS and Windows they are one file, and one page would "
                    + "replace the other; rename one of them"
            ])
    }

    @Test func oneCharacterNamesDoNotTrap() throws {
        let site = try withSite([
            "Content/_site.yaml": Self.configFile, "Content/x": Data("asset".utf8), "Content/y/z.md": Self.page("Z"),
            "Content/q.md": Self.page("Q"), "Content/_d.yaml": Data("k: v\n".utf8),
        ]) { root in try ContentLoader(root: root).load() }
        #expect(site.pages.map(\.url).sorted() == ["/q/", "/y/z/"])
        #expect(site.contentAssets == ["x"])
        #expect(site.data["d"]?["k"]?.text == "v")
    }

    @Test func draftsAreLeftOutAndListed() throws {
        let draft = Data("---\ntitle: Notes\ndraft: true\n---\nText.\n".utf8)
        let files = ["Content/_site.yaml": Self.configFile, "Content/notes.md": draft, "Content/q.md": Self.page("Q")]
        let site = try withSite(files) { root in try ContentLoader(root: root).load() }
        #expect(site.pages.map(\.sourcePath) == ["Content/q.md"])
        #expect(site.draftPaths == ["Content/notes.md"])
        let preview = try withSite(files) { root in try ContentLoader(root: root, includeDrafts: true).load() }
        #expect(preview.pages.map(\.sourcePath).sorted() == ["Content/notes.md", "Content/q.md"])
        #expect(preview.draftPaths.isEmpty)
    }

    @Test func aNewlineInAFileNameIsPrintedOnOneLine() throws {
        let message = try withSite(["Content/_site.yaml": Self.configFile, "Content/bad\nname.md": Self.page("B")]) {
            root in diagnostics { _ = try ContentLoader(root: root).load() }
        }
        #expect(
            message
                == #"Content/bad\nname.md: error: 'bad\nname' cannot be part of a URL: U+000A is not allowed: use letters, digits, '-', '_' and '.'; rename it or set 'slug'"#
        )
    }

    /// A name that is not UTF-8 cannot be read back by its decoded name: one located error.
    @Test func aFileNameThatIsNotUTF8IsALocatedError() throws {
        let message = try withSite(["Content/_site.yaml": Self.configFile, "Content/q.md": Self.page("Q")]) { root in
            let bad = root.path + "/Content/bad"
            let made = (Array(bad.utf8) + [0xFF] + Array(".md".utf8) + [0]).withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { creat($0.baseAddress!, 0o644) }
            }
            try #require(made >= 0)
            close(made)
            return diagnostics { _ = try ContentLoader(root: root).load() }
        }
        #expect(
            message
                == "Content/bad\u{FFFD}.md: error: the file name is not valid UTF-8 (the bad bytes are shown as \u{FFFD}), "
                + "so it cannot be published: rename the file")
    }

    @Test func dataFilesRefuseAliases() throws {
        let message = try withSite([
            "Content/_site.yaml": Self.configFile, "Content/_terms.yaml": Data("a: &x [1]\nb: *x\n".utf8),
        ]) { root in diagnostics { _ = try ContentLoader(root: root).load() } }
        #expect(
            message
                == "Content/_terms.yaml:2:4: error: YAML aliases (*name) are not supported: write the value out in full"
        )
    }

    #if canImport(Glibc)
        /// A folder the build cannot open is an error at its path, not a silent gap in the site.
        ///
        /// Tests often run as root, whom `chmod 000` does not stop. On Linux the file-system
        /// user of one thread can be changed (`setfsuid`); leaving uid 0 drops the
        /// capabilities that bypass permissions, for this thread only, until it is set back.
        /// The folder is listed on the calling thread, so the load sees the folder as any
        /// other user would.
        @Test func unreadableFolderIsALocatedError() throws {
            let message = try withSite([
                "Content/_site.yaml": Self.configFile, "Content/a.md": Self.page("A"),
                "Content/locked/b.md": Self.page("B"),
            ]) { root -> String? in
                let locked = root.appendingPathComponent("Content/locked").path
                #expect(chmod(locked, 0) == 0)
                defer { chmod(locked, 0o755) }
                // glibc's `setfsuid` is not in the Glibc module map: look it up.
                let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), "setfsuid"))
                let setFileSystemUser = unsafeBitCast(symbol, to: (@convention(c) (UInt32) -> Int32).self)
                let previous = setFileSystemUser(65534)
                defer { _ = setFileSystemUser(UInt32(previous)) }
                return diagnostics { _ = try ContentLoader(root: root).load() }
            }
            #expect(message == "Content/locked: error: cannot read the folder\n  caused by: Permission denied")
        }
    #endif
}
