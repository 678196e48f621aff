/// A store that cannot be opened or used as asked; the message names the store.
public struct RunStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The store's location could not be read (`--store` or `store:` in `responder.yaml`).
        case badLocation
        /// The database could not be reached or opened.
        case unavailable
        /// A copy or restore into a store that already holds runs.
        case notEmpty
        /// A copy whose result does not match its source.
        case mismatch
        /// The database failed its integrity check: nothing is read from or written to it.
        case damaged
        /// A newer responder migrated the database past what this one knows: nothing is read or written.
        case newerSchema
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
