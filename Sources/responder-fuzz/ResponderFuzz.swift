import FuzzHarness
import Foundation
#if FUZZING
    import CFuzzerDriver
#endif

/// Runs the readers over fuzz inputs. Built two ways (scripts/fuzz/build.sh):
/// - with `-sanitize=fuzzer,address -D FUZZING` it is a libFuzzer binary: `FUZZ_TARGET` (csv,
///   sheet-xml, xlsx) picks the reader, and every libFuzzer flag works as usual;
/// - in an ordinary build, `responder-fuzz TARGET FILE...` replays saved inputs without sanitizers.
@main
enum ResponderFuzz {
    static func main() {
        #if FUZZING
            guard let name = ProcessInfo.processInfo.environment["FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
                fail("set FUZZ_TARGET to one of: \(targetNames)")
            }
            fuzzedTarget = target
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
            replay(CommandLine.arguments.dropFirst())
        #endif
    }

    private static var targetNames: String { FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Replays saved inputs; exits 1 when any input breaks a promise.
    private static func replay(_ arguments: ArraySlice<String>) -> Never {
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            fail("usage: responder-fuzz \(targetNames) FILE...", code: 64)
        }
        var failed = false
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
                failed = true
                continue
            }
            let violations = target.violations(for: data)
            print("\(path): \(violations.isEmpty ? "ok" : violations.joined(separator: "; "))")
            failed = failed || !violations.isEmpty
        }
        exit(failed ? 1 : 0)
    }

    private static func fail(_ message: String, code: Int32 = 2) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(code)
    }
}

/// The reader the fuzzer drives; set once in `main` before libFuzzer calls back.
nonisolated(unsafe) private var fuzzedTarget = FuzzTarget.csv

/// libFuzzer's callback: a broken promise becomes a crash, so the fuzzer saves the input.
private func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let violations = fuzzedTarget.violations(for: data)
    if !violations.isEmpty { fatalError("broken promise:\n" + violations.joined(separator: "\n")) }
    return 0
}
