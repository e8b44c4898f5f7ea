import Foundation
import LedeFuzzSupport

/// libFuzzer's entry point: one input, a request target sent to the preview server.
/// - Parameters:
///   - data: The input's bytes.
///   - size: How many.
/// - Returns: Always 0 (libFuzzer reserves other values).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    RequestPathFuzzer.shared.test(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if !LEDE_FUZZING
    /// Replays files given as arguments when built without libFuzzer.
    @main
    enum Replay {
        static func main() {
            exit(FuzzReplay.run(Array(CommandLine.arguments.dropFirst()), testOneInput: testOneInput))
        }
    }
#endif
