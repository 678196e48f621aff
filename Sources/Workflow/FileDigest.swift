import Crypto
import Foundation

/// The digest an export records for each file it wrote: the standard SHA-256 that a buyer or
/// auditor checks with `sha256sum` (`ContentHash` only detects change). From swift-crypto, which
/// postgres-nio already links.
package enum FileDigest {
    /// The SHA-256 of `data` as 64 lowercase hex characters.
    package static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
