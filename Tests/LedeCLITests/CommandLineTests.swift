import ArgumentParser
import Foundation
import LedeBuilder
import LedeCore
import Testing

@testable import LedeCLI

/// The top-level command line: what the real binary prints for `--version`.
@Suite struct CommandLineTests {
    @Test func versionIsPrintedFromTheOnePlaceItIsDefined() throws {
        #expect(LedeVersion.current == "0.14.0")
        let result = try runLede(["--version"], in: packageRoot)
        #expect(result.status == 0)
        #expect(result.stdout == "0.14.0\n")
        #expect(result.stderr == "")
    }

    @Test func theParserAnswersVersionWithACleanExit() {
        do {
            _ = try LedeCommand.parseAsRoot(["--version"])
            Issue.record("--version parsed as a command")
        } catch {
            #expect(LedeCommand.exitCode(for: error) == .success)
            #expect(LedeCommand.message(for: error) == "0.14.0")
        }
    }
}
