import Testing
import ResponderModel
@testable import Drafting

@Suite struct IntentClassifierTests {
    @Test(arguments: [
        ("Do you maintain an inventory of AI systems?", Intent.yesno),
        ("Is there HITL review of model outputs?", .yesno),
        ("Has the AI policy been approved by leadership?", .yesno),
        ("Describe how models are validated before release.", .describe),
        ("If yes, describe its membership and how often it meets.", .describe),
        ("- If so, provide the latest report.", .evidence),
        ("How do you monitor deployed models for drift?", .describe),
        ("What controls prevent prompt injection?", .describe),
        ("Provide a copy of your AI policy.", .evidence),
        ("Please provide the latest model card", .evidence),
        ("Impact assessment template - pls provide.", .evidence),
        ("How many AI models are in production?", .count),
        ("What percentage of models have model cards?", .count),
        ("When was the last internal audit of the AIMS?", .date),
        ("When a reviewer overrides an AI recommendation, is that override recorded?", .yesno),
        ("If a model fails in production, how do you fall back?", .describe),
        ("Once a contract ends, provide your data deletion certificate.", .evidence),
        ("When do you notify customers of a breach?", .date),
        ("On what date was the AI policy last revised?", .date),
        ("List the third-party AI providers you use.", .list),
        ("Which frameworks guide your AI risk management?", .list),
        ("Please list the regions where our data may be processed.", .list),
        ("Kindly describe your change management process.", .describe),
        ("Please, attach the signed data processing agreement.", .evidence),
        ("State the maximum tolerable downtime of the service.", .describe),
        ("At what frequency are access rights recertified?", .describe),
        ("In which countries are your support staff located?", .list),
        ("By when will the remediation be complete?", .date),
        ("SSO?", .yesno),
        ("Encryption of customer data at rest?", .yesno),
        ("Backups: how often, and where are they kept?", .describe),
        ("Data residency - which regions are used?", .list),
        ("Escalation contact details?", .describe),
        ("ISO 27001 or SOC 2?", .describe),
        ("Will you send us a copy of your penetration test summary?", .evidence),
        ("The vendor shall maintain an AI risk register.", .statement),
        ("AI risk assessments are repeated at least annually and on major change.", .statement),
    ])
    func classifies(text: String, intent: Intent) {
        #expect(IntentClassifier.classify(text) == intent)
    }
}
