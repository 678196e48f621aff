/// A 128-bit content fingerprint (two FNV-1a 64-bit lanes with different offsets), used as the
/// knowledge-base version. Written here because it only detects change, needs no cryptographic
/// strength, and saves a crypto dependency's build time.
package struct ContentHash {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x8422_2325_cbf2_9ce4

    package init() {}

    package mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte ^ 0x5A)) &* 0x0000_0100_0000_01B3
        }
        // A separator so ("ab", "c") and ("a", "bc") differ.
        first = (first ^ 0xFF) &* 0x0000_0100_0000_01B3
        second = (second ^ 0xFF) &* 0x0000_0100_0000_01B3
    }

    package var hex: String {
        String(first, radix: 16).leftPadded(16) + String(second, radix: 16).leftPadded(16)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
