import Testing
@testable import Spreadsheet

@Suite struct ListValidationResolverTests {
    @Test(arguments: [
        ("\"Yes,No,N/A\"", ["Yes", "No", "N/A"] as [String]?),
        ("\" Yes , No ,, N/A \"", ["Yes", "No", "N/A"]),
        ("\"Say \"\"yes\"\",No\"", ["Say \"yes\"", "No"]),
        ("\"Yes\"&\"No\"", nil),
        ("\"", nil),
    ])
    func parsesInlineLists(formula: String, expected: [String]?) {
        #expect(ListValidationResolver.inlineList(formula) == expected)
    }

    private let workbook = Workbook(
        path: "b.xlsx", format: .xlsx,
        sheets: [
            Sheet(
                name: "Answers", index: 0,
                rows: [
                    SheetRow(
                        number: 1,
                        cells: [
                            Cell(address: CellAddress(row: 1, column: 1), value: .text("Here")),
                            Cell(address: CellAddress(row: 1, column: 2), value: .number("1")),
                        ]),
                    SheetRow(
                        number: 2,
                        cells: [
                            Cell(address: CellAddress(row: 2, column: 1), value: .text("  ")),
                            Cell(address: CellAddress(row: 2, column: 2), value: .bool(true)),
                        ]),
                ]),
            Sheet(
                name: "It's Lists", index: 1, visibility: .veryHidden,
                rows: [
                    SheetRow(number: 1048576, cells: [Cell(address: CellAddress(row: 1048576, column: 1), value: .text("Bottom"))])
                ]),
        ],
        definedNames: [
            DefinedName(name: "Local", reference: "'It''s Lists'!$A:$A"),
            DefinedName(name: "Local", reference: "$B$1:$B$2", localSheetIndex: 0),
        ])

    @Test(arguments: [
        ("A1:B2", 0, ["Here", "1", "TRUE"] as [String]?),
        ("=$A$1:$A$2", 0, ["Here"]),
        ("'It''s Lists'!$A$1:$A$1048576", 0, ["Bottom"]),
        ("answers!B1:B2", 1, ["1", "TRUE"]),
        ("Local", 0, ["1", "TRUE"]),
        ("Local", 1, ["Bottom"]),
        ("$B:$B", 0, ["1", "TRUE"]),
        ("Answers!1:1", 1, ["Here", "1"]),
        ("Missing!A1:A2", 0, nil),
        ("INDIRECT(\"A1\")", 0, nil),
        ("OFFSET($A$1,0,0,2,1)", 0, nil),
    ])
    func resolvesReferencesAndNames(formula: String, sheet: Int, expected: [String]?) {
        #expect(ListValidationResolver(workbook: workbook).values(for: formula, onSheet: sheet) == expected)
    }
}
