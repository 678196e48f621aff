#!/usr/bin/env python3
"""Writes the sample buyer questionnaires in this folder.

    python3 Samples/questionnaires/make_samples.py

Output is deterministic (fixed document properties; XlsxWriter stamps every zip entry with a
fixed date), so re-running it only changes files when this script changes. The buyers, Globex
Bank plc and Acme Retail Group, are fictional; the questions are our own wording.
"""

import csv
import datetime
import os

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_DATE = datetime.datetime(2026, 10, 5, 9, 0, 0)

# One entry per row of the "AI Governance" sheet, in order:
#   ("section", title)         a separator row merged across A:D
#   (id, text)                 a question; id may be "" for a follow-up row
AI_GOVERNANCE_ROWS = [
    ("section", "A. AI Governance and Accountability (AIG)"),
    ("AIG-01", "Does your organisation maintain a complete and current inventory of all AI systems used to deliver services to Globex? *"),
    ("AIG-02", "Provide a copy of your AI policy or equivalent document governing the development and use of AI."),
    ("AIG-03", "Is there a named executive or committee accountable for AI risk within your organisation?"),
    ("", "If yes, describe its membership and how often it meets."),
    ("AIG-04", "The vendor shall define and document roles and responsibilities for the development, deployment and oversight of AI systems. Please confirm."),
    ("AIG-05", "Do staff involved in building or operating AI receive training on responsible AI, and is completion tracked?"),
    ("AIG-06", "Can employees raise concerns about AI systems through a confidential or anonymous channel?"),
    ("section", "B. Risk and Impact Assessment (RSK)"),
    ("RSK-01", "Do you carry out a formal risk assessment for each AI system before deployment and periodically thereafter? *"),
    ("RSK-02", "Describe the methodology and criteria used to rate AI risks (e.g. likelihood, severity, risk appetite)."),
    ("RSK-03", "Have you completed an impact assessment of the effects on individuals and groups (for example an algorithmic or fundamental rights impact assessment) for the AI systems in scope? *"),
    ("RSK-04", "Are potential societal impacts of your AI systems, such as financial exclusion or harm to vulnerable customers, considered?  "),
    ("RSK-05", "Do you test AI models for bias or discriminatory outcomes across protected characteristics? *"),
    ("RSK-06", "Please provide the most recent bias / fairness testing results for any model used in credit or fraud decisions."),
    ("section", "C. Data Management and Privacy (DATA)"),
    ("DATA-01", "Will any Globex data, including personal data of Globex customers, be used to train, retrain or fine-tune AI models? *"),
    ("", "- If so, explain how Globex can opt out and how its data is kept separate from other clients' data."),
    ("DATA-02", "Describe how you establish the provenance and lineage of the data used to train your models."),
    ("DATA-03", "What controls ensure the quality, accuracy and representativeness of training data?"),
    ("DATA-04", "Do you obtain training data from third parties such as data brokers, public datasets or web scraping?"),
    ("DATA-05", "In which countries will Globex data be stored and processed, including by any AI model provider?"),
    ("DATA-06", "State your data retention periods and how Globex data is deleted at the end of the contract."),
    ("DATA-07", "Provide your current list of subprocessors."),
    ("DATA-08", "Will you enter into a data processing agreement that meets Article 28 UK GDPR?"),
    ("DATA-09", "Is Globex data encrypted at rest and in transit, including when it is sent to AI model providers?"),
    ("section", "D. Model Development, Validation and Monitoring (MOD)"),
    ("MOD-01", "Are models validated against documented performance and robustness criteria before release?"),
    ("MOD-02", "Is model validation carried out by a function independent of the model developers?"),
    ("MOD-03", "How do you monitor models in production for performance degradation and drift? *"),
    ("MOD-04", "The vendor shall log AI system inputs, outputs and decisions sufficiently to reconstruct individual outcomes for at least 12 months."),
    ("MOD-05", "Do you perform adversarial testing or red-teaming of generative AI components, including for prompt injection?"),
    ("MOD-06", "Will Globex be notified in advance of material changes to models used in the service?"),
    ("MOD-07", "Do you produce model cards or equivalent technical documentation? Provide examples."),
    ("section", "E. Human Oversight (OVS)"),
    ("OVS-01", "Are there human-in-the-loop controls over AI outputs that affect Globex customers? *"),
    ("OVS-02", "Can a human override or reverse any decision or recommendation produced by the AI system?"),
    ("OVS-03", "Does any AI system in scope make fully automated decisions with legal or similarly significant effects on individuals?"),
    # A hard line break typed mid-sentence, as buyers do when they press Alt+Enter.
    ("OVS-04", "Describe how Globex staff can escalate AI outputs\nthat they believe to be incorrect or harmful."),
    ("section", "F. Transparency (TRN)"),
    ("TRN-01", "Are end users informed when they are interacting with an AI system rather than a person?"),
    ("TRN-02", "Can you explain individual AI outputs (for example with reason codes) to Globex and its customers?"),
    ("TRN-03", "Is there a mechanism for end users or members of the public to report harm caused by your AI systems?"),
    ("section", "G. Incident Management (INC)"),
    ("INC-01", "Does your incident management process explicitly cover AI incidents such as harmful outputs or model failure? *"),
    ("INC-02", "Within what timeframe will Globex be notified of an AI incident affecting its services or data?"),
    ("INC-03", "What is your contractual notification period for personal data breaches?"),
    ("INC-04", "Have you had any AI incidents in the last 12 months that affected clients? If so, provide a summary."),
    ("section", "H. Third Parties and Foundation Models (SUP)"),
    ("SUP-01", "List all third-party AI models, APIs or foundation models used to deliver the service."),
    ("SUP-02", "Do third-party model providers retain or use Globex data to train their own models? *"),
    ("SUP-03", "Describe the due diligence you perform on AI suppliers before onboarding and periodically thereafter."),
    ("SUP-04", "Are contractual controls in place with AI suppliers covering data use, security and incident notification?"),
    ("section", "I. Regulatory Compliance and Certification (REG)"),
    ("REG-01", "Have you classified your AI systems against the EU AI Act risk categories?"),
    ("REG-02", "Are any AI systems provided to Globex considered \u201chigh-risk\u201d under the EU AI Act? If so, describe your approach to conformity."),
    ("REG-03", "Is your organisation certified to ISO/IEC 42001? Please attach the certificate."),
    ("REG-04", "Do you hold ISO/IEC 27001 certification or a current SOC 2 Type II report?"),
    ("section", "J. General (GEN)"),
    ("GEN-01", "Please confirm the level of professional indemnity and cyber insurance cover you hold."),
    ("GEN-02", "List the addresses of all offices from which services to Globex will be delivered."),
]

SECURITY_ROWS = [
    ("SEC-01", "Is all Globex data encrypted at rest using AES-256 or an equivalent algorithm?"),
    ("SEC-02", "Is TLS 1.2 or higher enforced for all data in transit?"),
    ("SEC-03", "Does the service support SAML 2.0 single sign-on?"),
    ("SEC-04", "Is multi-factor authentication enforced for all administrative and privileged access?"),
    ("SEC-05", "Is an independent penetration test of the service performed at least annually?"),
    ("SEC-06", "Are critical vulnerabilities remediated within 14 days of discovery?"),
    ("SEC-07", "Are backups encrypted and are restores tested at least annually?"),
    ("SEC-08", "Is there a documented business continuity and disaster recovery plan that is tested every year?"),
]

ACME_ROWS = [
    ("AR-01", "Do you use AI or machine learning anywhere in the product you are proposing to us?", "", ""),
    ("AR-02", "Which AI features are switched on by default, and can we turn them off?", "", ""),
    ("AR-03", "Will our shoppers' data (order history, contact details, chat transcripts) be used to train any model?", "", "Critical"),
    ("AR-04", "Who are your AI model providers, and where do they process our data?", "", ""),
    ("AR-05", "Do you have an AI policy? Please share it.", "", ""),
    ("AR-06", "Do you hold ISO 42001, ISO 27001 or SOC 2?", "", ""),
    ("AR-07", "How do you stop the chat assistant giving wrong answers about prices, returns or delivery times?", "", ""),
    ("AR-08", "Is a person able to take over from the assistant, and how does the shopper ask for one?", "", ""),
    ("AR-09", "Do shoppers know they are talking to an AI?", "", ""),
    ("AR-10", "How do you test for bias in recommendations or churn scores, e.g. by age, gender or postcode?", "", "Our legal team asked for this one"),
    ("AR-11", "How quickly will you tell us about an incident involving the AI features?", "", ""),
    ("AR-12", "Do you monitor the models for drift once they are live?", "", ""),
    ("AR-13", "Will you tell us before you change the model behind a feature?", "", ""),
    ("AR-14", "Do you assess the AI vendors you rely on?", "", ""),
    ("AR-15", "Does the assistant support our Portuguese and Spanish sites (portugu\u00eas, espa\u00f1ol)?", "", ""),
    ("AR-16", "Where is our data stored, and can it stay in the UK?", "", ""),
    ("AR-17", "How long do you keep our data after the contract ends?", "", ""),
    ("AR-18", "Is data encrypted in transit and at rest?", "", ""),
    ("AR-19", "Do you support SSO with Azure AD (Entra ID)?", "", ""),
    ("AR-20", "Anything else we should know about your use of AI?\nPlease include roadmap items for 2027.", "", "Free text, max. 500 words"),
]


def write_globex(path):
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({
        "title": "Globex Bank plc - AI Vendor Assessment",
        "author": "Globex Third-Party Risk Management",
        "company": "Globex Bank plc",
        "created": FIXED_DATE,
    })

    title = wb.add_format({"bold": True, "font_size": 14})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    header = wb.add_format({"bold": True, "bg_color": "#1F3864", "font_color": "#FFFFFF", "border": 1})
    section = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    question = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    answer = wb.add_format({"text_wrap": True, "valign": "top", "border": 1, "locked": False, "bg_color": "#FFF2CC"})
    footer = wb.add_format({"italic": True, "align": "center"})

    cover = wb.add_worksheet("Instructions")
    cover.set_column("A:A", 110)
    cover.write("A1", "Globex Bank plc \u2013 Third-Party AI Risk Assessment", title)
    cover_lines = [
        "Version 2.3, issued October 2026 by Globex Third-Party Risk Management.",
        "",
        "This questionnaire forms part of Globex's supplier onboarding for services that use artificial intelligence.",
        "Complete the 'AI Governance' and 'Security' sheets. Select a response from each drop-down list and give supporting detail or document references in the comments column.",
        "Questions marked * are critical: a 'No' answer will be escalated to the Globex AI Risk Committee.",
        "Attach requested documents to your reply or provide links. Documents shared under NDA will be handled under the mutual NDA in place.",
        "",
        "Return the completed workbook to thirdpartyrisk@globex.example within 15 working days.",
    ]
    for row, line in enumerate(cover_lines, start=2):
        cover.write(row, 0, line, wrap)

    ws = wb.add_worksheet("AI Governance")
    ws.set_column("A:A", 11)
    ws.set_column("B:B", 80)
    ws.set_column("C:C", 12)
    ws.set_column("D:D", 50)
    ws.write("A1", "Globex Bank plc \u2013 AI Vendor Assessment Questionnaire", title)
    ws.merge_range("A2:D2",
                   "Answer every question. Choose Yes, No or N/A in the Response column and use Comments / Evidence "
                   "to explain your answer and reference supporting documents. Questions marked * are critical.",
                   wrap)
    ws.set_row(1, 45)
    ws.write_row(3, 0, ["ID", "Question", "Response", "Comments / Evidence"], header)
    ws.freeze_panes(4, 0)

    row = 4
    first_answer_row = row
    for ident, text in AI_GOVERNANCE_ROWS:
        if ident == "section":
            ws.merge_range(row, 0, row, 3, text, section)
        else:
            if ident:
                ws.write_string(row, 0, ident, question)
            else:
                ws.write_blank(row, 0, None, question)
            ws.write_string(row, 1, text, question)
            ws.write_blank(row, 2, None, answer)
            ws.write_blank(row, 3, None, answer)
        row += 1
    last_answer_row = row - 1
    ws.merge_range(row + 1, 0, row + 1, 3, "End of questionnaire", footer)

    ws.data_validation(first_answer_row, 2, last_answer_row, 2, {
        "validate": "list",
        "source": "=Lists!$A$1:$A$3",
        "error_title": "Invalid response",
        "error_message": "Choose Yes, No or N/A.",
    })
    ws.protect("globex", {"format_columns": True, "format_rows": True})

    sec = wb.add_worksheet("Security")
    sec.set_column("A:A", 10)
    sec.set_column("B:B", 80)
    sec.set_column("C:C", 12)
    sec.set_column("D:D", 50)
    sec.write_row(0, 0, ["Ref", "Control question", "Answer", "Supporting notes"], header)
    for offset, (ident, text) in enumerate(SECURITY_ROWS, start=1):
        sec.write_string(offset, 0, ident, question)
        sec.write_string(offset, 1, text, question)
        sec.write_blank(offset, 2, None, answer)
        sec.write_blank(offset, 3, None, answer)
    sec.data_validation(1, 2, len(SECURITY_ROWS), 2, {
        "validate": "list",
        "source": ["Yes", "No", "Partial", "N/A"],
    })

    lists = wb.add_worksheet("Lists")
    for offset, value in enumerate(["Yes", "No", "N/A"]):
        lists.write_string(offset, 0, value)
    lists.hide()

    wb.close()


def write_acme(path):
    # RFC 4180 records end in CRLF; the embedded newline inside a quoted field stays a bare LF,
    # as Excel writes it.
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(["Ref", "Question", "Answer", "Notes"])
        for record in ACME_ROWS:
            writer.writerow(record)


def main():
    write_globex(os.path.join(HERE, "globex-ai-vendor-assessment.xlsx"))
    write_acme(os.path.join(HERE, "acme-retail-ai-questions.csv"))


if __name__ == "__main__":
    main()
