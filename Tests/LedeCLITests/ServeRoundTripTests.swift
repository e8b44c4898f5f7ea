import Foundation
import Glibc
import Testing

/// `lede serve` as an author uses it: the real binary on a copy of the bundled site, a browser's
/// event stream, a broken save, a fix, and Ctrl-C.
@Suite(.serialized) struct ServeRoundTripTests {
    /// A line-oriented TCP client on loopback with a deadline on every read.
    final class Connection {
        let socket: Int32
        private var buffer: [UInt8] = []

        init(port: Int) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        }

        deinit { close(socket) }

        func send(_ text: String) {
            _ = Array(text.utf8).withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
        }

        /// The next line, or nil when nothing arrives before the deadline.
        func readLine(deadline: Date) -> String? {
            while true {
                if let newline = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<newline], as: UTF8.self)
                    buffer.removeSubrange(...newline)
                    return line.hasSuffix("\r") ? String(line.dropLast()) : line
                }
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else { return nil }
                var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, Int32(remaining * 1000)) > 0 else { return nil }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = recv(socket, &chunk, chunk.count, 0)
                guard count > 0 else { return nil }
                buffer.append(contentsOf: chunk[..<count])
            }
        }

        /// Reads until an SSE event with the given name; returns its data lines.
        func awaitEvent(_ name: String, within seconds: Double) -> [String]? {
            let deadline = Date().addingTimeInterval(seconds)
            var current: String?
            var data: [String] = []
            while let line = readLine(deadline: deadline) {
                if line.hasPrefix("event:") {
                    current = line.dropFirst("event:".count).trimmingCharacters(in: .whitespaces)
                    data = []
                } else if line.hasPrefix("data:") {
                    data.append(String(line.dropFirst("data:".count)))
                } else if line.isEmpty, current == name {
                    return data
                }
            }
            return nil
        }
    }

    /// Starts `lede serve` on a free port and waits for its "Serving … at http://…:PORT/" line;
    /// returns the process, the port, its standard output and what it printed there so far.
    static func startServer(site: URL, temporaryFolder: URL? = nil) throws -> (Process, Int, Pipe, String) {
        let process = Process()
        process.executableURL = ledeBinary
        process.arguments = ["serve", site.path, "--port", "0"]
        if let temporaryFolder {
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporaryFolder.path]) { $1 }
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                let port = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0
                return (process, port, out, text)
            }
        }
        process.terminate()
        throw POSIXError(.ETIMEDOUT)
    }

    /// The path of the bundled site's base_url, which `lede serve` serves it under.
    static let base = "/explainers/iran-deportations/"

    static func get(_ path: String, port: Int) throws -> String {
        let connection = try Connection(port: port)
        connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var lines: [String] = []
        while let line = connection.readLine(deadline: Date().addingTimeInterval(10)) { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    @Test func brokenSaveShowsTheErrorAndTheFixReloads() throws {
        try withSiteCopy { site in
            let (process, port, _, _) = try Self.startServer(site: site)
            defer { if process.isRunning { process.terminate() } }

            // Served under the path of base_url (https://example.org/explainers/iran-deportations/),
            // as published; / redirects there, and /about/ is not the site's.
            let about = Self.base + "about/"
            let page = try Self.get(about, port: port)
            #expect(page.contains("HTTP/1.1 200"))
            #expect(page.contains("/__lede/livereload.js"), "serve injects the live-reload script")
            // --port 0: the port is chosen before the build, so absolute URLs carry it.
            #expect(page.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:\(port)\(about)\">"))
            let root = try Self.get("/", port: port)
            #expect(root.hasPrefix("HTTP/1.1 302"))
            #expect(root.lowercased().contains("\nlocation: \(Self.base)\n"), "\(root)")
            #expect(try Self.get("/about/", port: port).hasPrefix("HTTP/1.1 404"))

            let events = try Connection(port: port)
            events.send("GET /__lede/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            // Give the stream a moment to register before the first change.
            Thread.sleep(forTimeInterval: 0.5)

            let aboutFile = site.appendingPathComponent("Content/about.md")
            let original = try String(contentsOf: aboutFile, encoding: .utf8)
            try Data(original.replacingOccurrences(of: "title:", with: "title: [broken").utf8).write(to: aboutFile)
            let error = events.awaitEvent("error", within: 30)
            #expect(error?.joined().contains("Content/about.md:") == true, "the overlay gets compiler-style lines")

            // The last good site keeps being served.
            #expect(try Self.get(about, port: port).contains("HTTP/1.1 200"))

            try Data((original + "\nA new line.\n").utf8).write(to: aboutFile)
            #expect(events.awaitEvent("reload", within: 30) != nil, "fixing the file reloads the page")
            #expect(try Self.get(about, port: port).contains("A new line."))

            // Ctrl-C with a live-reload client connected: the server stops promptly.
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(15)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            #expect(!process.isRunning, "serve stops on SIGINT with an event stream open")
        }
    }

    @Test(
        "a port outside 0-65535 is refused with one clear error",
        arguments: [["--port", "99999"], ["--port", "-1"], ["--port=-1"], ["--port", "65536"], ["--port", "abc"]])
    func portOutOfRange(arguments: [String]) throws {
        try withSiteCopy { site in
            let result = try runLede(["serve", "."] + arguments, in: site)
            let value = arguments.last.map { $0.replacingOccurrences(of: "--port=", with: "") } ?? ""
            #expect(result.status == 64)
            #expect(
                result.stderr.split(separator: "\n").first
                    == "Error: The value '\(value)' is invalid for '--port <port>': use 0 (any free port) or a number from 1 to 65535"
            )
            #expect(result.stdout.isEmpty, "nothing is built")
        }
    }

    /// What `lede serve` says when its port is taken.
    static func portInUse(_ port: Int) -> String {
        "lede: error: port \(port) on 127.0.0.1 is in use (another lede serve?): choose another with --port, or --port 0 for any free port\n"
    }

    /// Options no edit of the site can fix end serve at once, as they end build: nothing is
    /// built, served or written (once, --output . wrote a placeholder page into the site).
    @Test func optionErrorsExitBeforeBuilding() throws {
        try withSiteCopy { site in
            let before = try snapshot(of: site)
            let url = try runLede(
                ["serve", ".", "--base-url", "news.example.org/x/", "--port", "0"], in: site, timeout: 60)
            #expect(url.status == 1)
            #expect(url.stdout == "")
            #expect(
                url.stderr
                    == "lede: error: --base-url must be an absolute http(s) URL such as https://example.org/news/, but 'news.example.org/x/' has no https:// or http://\n"
            )
            let output = try runLede(["serve", ".", "--output", ".", "--port", "0"], in: site, timeout: 60)
            #expect(output.status == 1)
            #expect(output.stdout == "")
            #expect(
                output.stderr
                    == "lede: error: refusing to write the site to \(site.standardizedFileURL.path): it is the site folder itself (the output replaces the folder it is written to)\n"
            )
            #expect(try snapshot(of: site) == before)
        }
    }

    /// A first build that fails is fixable while serving, so serve goes on, but there is no
    /// "last good site" to speak of.
    @Test func aFirstFailedBuildDoesNotClaimAGoodSite() throws {
        try withSiteCopy { site in
            try Data("---\ntitle: [broken\n---\n".utf8).write(to: site.appendingPathComponent("Content/about.md"))
            let result = try runLede(["serve", ".", "--port", "0"], in: site, timeout: 5)
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.first?.hasPrefix("Content/about.md:2:8: error: ") == true, "\(result.stderr)")
            #expect(lines.contains("lede: build failed; the preview shows a page that says so until a build succeeds"))
            #expect(!result.stderr.contains("last good site"))
        }
    }

    /// A port in use is found before the build, in one line that says what to do.
    @Test func aPortInUseIsOneLineBeforeTheBuild() throws {
        try withSiteCopy { site in
            let (first, port, _, _) = try Self.startServer(site: site)
            defer { if first.isRunning { first.terminate() } }
            let second = try runLede(["serve", ".", "--port", String(port)], in: site, timeout: 60)
            #expect(second.status == 1)
            #expect(second.stdout == "")
            #expect(second.stderr == Self.portInUse(port))
        }
    }

    /// base_url edited while serving: the preview rebuilds for the new path, moves there, says
    /// so, and the pages under the old path redirect to the new one.
    @Test func anEditedBaseURLIsFollowed() throws {
        try withSiteCopy { site in
            let (process, port, out, started) = try Self.startServer(site: site)
            defer { if process.isRunning { process.terminate() } }
            let events = try Connection(port: port)
            events.send("GET /__lede/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            Thread.sleep(forTimeInterval: 0.5)

            let config = site.appendingPathComponent("Content/_site.yaml")
            let text = try String(contentsOf: config, encoding: .utf8)
            try #require(text.contains("base_url: \"https://example.org/explainers/iran-deportations/\""))
            try Data(
                text.replacingOccurrences(
                    of: "https://example.org/explainers/iran-deportations/", with: "https://example.org/news/x/"
                ).utf8
            ).write(to: config)
            #expect(events.awaitEvent("reload", within: 30) != nil)

            let moved = try Self.get(Self.base + "about/", port: port)
            #expect(moved.hasPrefix("HTTP/1.1 302"))
            #expect(moved.lowercased().contains("\nlocation: /news/x/about/\n"), "\(moved)")
            let page = try Self.get("/news/x/about/", port: port)
            #expect(page.hasPrefix("HTTP/1.1 200"))
            #expect(page.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:\(port)/news/x/about/\">"))

            process.terminate()
            #expect(Self.waitForExit(process, within: 15))
            let printed = started + String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let lines = printed.split(separator: "\n").map(String.init)
            // The serving block says live reload is on; the move is one line.
            #expect(
                lines.contains(
                    "Live reload is on: open pages reload after each rebuild and show build errors over the page, "
                        + "warnings at its foot"))
            #expect(
                lines.contains(
                    "base_url's path changed from \(Self.base) to /news/x/: serving at http://127.0.0.1:\(port)/news/x/ now (\(Self.base) redirects there)"
                ), "\(printed)")
        }
    }

    /// Waits for a process to end, at most `seconds`.
    static func waitForExit(_ process: Process, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !process.isRunning
    }

    /// The names in a folder.
    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func noPreviewFolderIsLeftInTMPDIR() throws {
        try withSiteCopy { site in
            let temporary = site.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)

            // A first build that fails: the placeholder page is served, then SIGTERM.
            let about = site.appendingPathComponent("Content/about.md")
            let original = try Data(contentsOf: about)
            try Data("---\ntitle: [broken\n---\n".utf8).write(to: about)
            let (failed, _, _, _) = try Self.startServer(site: site, temporaryFolder: temporary)
            defer { if failed.isRunning { failed.terminate() } }
            #expect(Self.names(in: temporary).count == 1, "one preview folder while serving")
            failed.terminate()
            #expect(Self.waitForExit(failed, within: 15))
            #expect(Self.names(in: temporary) == [])
            try original.write(to: about)

            // Killed outright: nothing can clean up, so the next run removes the folder.
            let (killed, _, _, _) = try Self.startServer(site: site, temporaryFolder: temporary)
            defer { if killed.isRunning { killed.terminate() } }
            kill(killed.processIdentifier, SIGKILL)
            #expect(Self.waitForExit(killed, within: 15))
            let abandoned = Self.names(in: temporary)
            #expect(abandoned.count == 1)
            let (next, port, _, _) = try Self.startServer(site: site, temporaryFolder: temporary)
            defer { if next.isRunning { next.terminate() } }
            let current = Self.names(in: temporary)
            #expect(current.count == 1 && current != abandoned, "the abandoned folder was removed: \(current)")

            // The port is taken: serve says so before building, and still removes its folder.
            let process = Process()
            process.executableURL = ledeBinary
            process.arguments = ["serve", site.path, "--port", String(port)]
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
            let (out, err) = (Pipe(), Pipe())
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            #expect(printed == "", "nothing was built")
            #expect(errors == Self.portInUse(port))
            #expect(Self.names(in: temporary) == current)

            kill(next.processIdentifier, SIGHUP)
            #expect(Self.waitForExit(next, within: 15), "serve stops on SIGHUP (the terminal closed)")
            #expect(Self.names(in: temporary) == [])
        }
    }
}
