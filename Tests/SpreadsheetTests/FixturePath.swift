import TestSupport

/// The path of a file in this suite's `Fixtures` folder (written by `Fixtures/make_fixtures.py`).
func fixturePath(_ name: String, filePath: StaticString = #filePath) -> String {
    Fixtures.folder(filePath: filePath).appendingPathComponent(name).path
}
