import ArgumentParser
import Foundation
import Questionnaire

/// The flags that steer question detection, shared by every command that reads questionnaires.
struct DetectionOptionGroup: ParsableArguments {
    @Option(name: .customLong("sheet"), help: "Only read this sheet (repeatable).")
    var sheets: [String] = []

    @Option(help: "Fix the columns: id=A,question=C,answer=D,comment=E (comment repeatable).")
    var columns: String?

    @Option(help: "Folder of template profiles (default: Mappings/templates beside the executable or in the current directory).")
    var templates: String?

    /// The detection options, loading templates. - Throws: `ValidationError` for a bad value.
    func detectionOptions() throws -> DetectionOptions {
        var options = DetectionOptions(sheets: sheets)
        do {
            if let columns { options.columns = try ColumnOverrides(parsing: columns) }
            if let folder = templatesFolder() { options.templates = try TemplateProfile.loadAll(from: folder) }
        } catch {
            throw ValidationError(error.message)
        }
        return options
    }

    private func templatesFolder() -> URL? {
        if let templates { return URL(fileURLWithPath: templates) }
        return ResourceLocator.find("Mappings/templates")
    }
}
