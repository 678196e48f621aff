import Spreadsheet

/// Synthetic questionnaires modelled on the real families (the licensed originals are not shipped).
/// `make_fixtures.py` writes the same grids to .xlsx files.
enum Layouts {
    static let yesNoNA = ["Yes", "No", "N/A"]

    /// CAIQ v4: two title rows, header on row 3, domain separator rows, protected sheet with unlocked answers.
    static let caiq = SheetBuilder(
        name: "CAIQv4.0.3",
        grid: [
            ["Consensus Assessments Initiative Questionnaire v4.0.3"],
            ["Please answer every question. Use the notes column for context."],
            ["Question ID", "Question", "CSP CAIQ Answer", "SSRM Control Ownership", "CSP Implementation Description (Optional/Recommended)"],
            ["Audit & Assurance - A&A"],
            ["A&A-01.1", "Are audit and assurance policies, procedures, and standards established,\ndocumented, approved, communicated, applied, evaluated, and maintained?", "", "", ""],
            ["A&A-02.1", "Are independent audit and assurance assessments conducted according to relevant standards at least annually?  ", "", "", ""],
            ["Infrastructure & Virtualization Security - I&S"],
            ["I&S-08.1", "Are policies established for infrastructure and virtualization security? *", "", "", ""],
            ["End Table Data"],
            ["© Copyright 2021 Cloud Security Alliance"],
        ],
        merges: ["A4:E4", "A7:E7"],
        lists: [("C5:C8", yesNoNA)],
        isProtected: true,
        unlockedColumns: [3, 4, 5]
    )

    /// AI-CAIQ: header on row 1, IDs like AIGN-01, requests without question marks.
    static let aiCAIQ = SheetBuilder(
        name: "AI",
        grid: [
            ["Control ID", "Control Specification", "Answer", "Notes"],
            ["AIGN-01", "AI inventory", "", ""],
            ["AIGN-02", "Provide a copy of your AI policy.", "", ""],
            ["DPAI-08", "The vendor shall document training data provenance.", "", ""],
        ],
        lists: [("C2:C4", ["Yes", "No", "N/A"])]
    )

    /// HECVAT: per-domain sheet, question text from VLOOKUP cached values, numeric-looking IDs kept
    /// as text, hidden master sheet repeating every question, hidden list sheet.
    static let hecvatGeneral = SheetBuilder(
        name: "GNRL",
        grid: [
            ["ID", "Question", "Answer", "Additional Information"],
            ["GNRL-01", "Vendor name", "", ""],
            ["18.1.26", "Do you have a documented AI governance program?", "", ""],
            ["18.1.27", "Is the program reviewed annually?", "", ""],
        ],
        lists: [("C2:C4", ["Yes", "No"])],
        formulaCells: ["B3", "B4"],
        numberCells: []
    )
    static let hecvatMaster = SheetBuilder(
        name: "Master",
        grid: [
            ["ID", "Question", "Answer", "Additional Information"],
            ["GNRL-01", "Vendor name", "", ""],
            ["18.1.26", "Do you have a documented AI governance program?", "", ""],
            ["18.1.27", "Is the program reviewed annually?", "", ""],
        ],
        visibility: .hidden
    )
    static let hecvatLists = SheetBuilder(name: "Lists", grid: [["Yes"], ["No"]], visibility: .veryHidden)

    /// SIG: group header on row 1, field header on row 2, a section title row.
    static let sig = SheetBuilder(
        name: "Business Resiliency",
        grid: [
            ["Question", "", "Response", ""],
            ["Ques Num", "Question/Request", "Response", "Additional Information"],
            ["", "K. Business Resiliency", "", ""],
            ["K.1", "Is there a documented business resiliency program", "", ""],
            ["K.2", "Are business impact analyses performed?", "", ""],
        ],
        merges: ["A1:B1", "C1:D1"],
        lists: [("C3:C5", ["Yes", "No", "N/A"])]
    )

    /// VSA: follow-up rows attached to their parent, header repeated for a second section.
    static let vsa = SheetBuilder(
        name: "VSA Core",
        grid: [
            ["#", "Question", "Yes/No", "Comments"],
            ["RG-PS-01", "Do you have a privacy program?", "", ""],
            ["", "- If so, describe who owns it.", "", ""],
            ["", "If no, explain why not.", "", ""],
            ["#", "Question", "Yes/No", "Comments"],
            ["RG-PS-02", "Is training mandatory for all staff?", "", ""],
        ],
        lists: [("C2:C6", ["Yes", "No"])]
    )

    /// No header: IDs and sentence-like text only, answers in unlocked cells of a protected sheet.
    static let noHeader = SheetBuilder(
        name: "Sheet1",
        grid: [
            ["1.1", "Describe how you monitor AI systems in production.", ""],
            ["1.2", "Do you assess the impact of AI systems on individuals?", ""],
            ["1.3", "Provide your AI risk assessment methodology.", ""],
        ],
        isProtected: true,
        unlockedColumns: [3]
    )

    /// A home-made assessment: title and instruction rows, header on row 5, numbered headings whose
    /// numbers the question IDs extend, an instruction row between questions, a visible list sheet.
    static let numberedHeadings = SheetBuilder(
        name: "Supplier Assessment",
        grid: [
            ["Acme Corp Supplier Security Assessment"],
            ["Please complete all sections and return within 10 days."],
            [], [],
            ["No.", "Requirement", "Supplier Response", "Comments"],
            ["1", "Information Security", "", ""],
            ["1.1", "The supplier shall maintain an information security policy approved by management.", "", ""],
            ["1.2", "Describe how access to customer data is restricted.", "", ""],
            ["", "Please use the comments column to reference evidence.", "", ""],
            ["2", "Artificial Intelligence", "", ""],
            ["2.1", "Do you use customer data to train AI models?", "", ""],
        ],
        lists: [("C6:C11", ["Yes", "No", "Partial"])]
    )

    /// The question under a "Control Description" label, a "Vendor Response" answer and an evidence column.
    static let controlDescription = SheetBuilder(
        name: "Controls",
        grid: [
            ["Control ID", "Domain", "Control Description", "Vendor Response", "Evidence Link"],
            ["GOV-1", "Governance", "The vendor maintains an approved information security policy reviewed annually.", "", ""],
            ["GOV-2", "Governance", "Does the vendor maintain an inventory of AI systems?", "", ""],
        ]
    )
}
