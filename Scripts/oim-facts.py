"""Loads a report with Arelle (an XBRL 2.1 instance, an xBRL-JSON report or an xBRL-CSV report
package, through Arelle's OIM loader) with the taxonomy package, validates it, and prints its
facts, one line each, sorted, in a form that does not depend on the report's syntax:

    concept | entity | period | dimensions | unit measures | decimals | value | footnotes

Every message Arelle logs above info is printed to stderr prefixed "arelle:", and the exit code
is 1 when there is one. Run with the Python of .venv-arelle (Scripts/arelle-env.sh):

    .venv-arelle/bin/python Scripts/oim-facts.py REPORT TAXONOMY_PACKAGE.zip > facts.txt
"""
import sys
from decimal import Decimal

from arelle import XbrlConst
from arelle.api.Session import Session
from arelle.RuntimeOptions import RuntimeOptions


def clark(qname):
    return "{%s}%s" % (qname.namespaceURI, qname.localName)


def main(report, package):
    options = RuntimeOptions(
        entrypointFile=report,
        packages=[package],
        # Arelle reads an XML instance without the OIM plugin: with it, Arelle also applies the
        # constraints of converting xBRL-XML to OIM, which the instance's printed-form footnote
        # role does not meet (OIM has no footnote roles; the JSON report writes plain footnotes).
        plugins=None if report.endswith((".xbrl", ".xml")) else "loadFromOIM",
        formulaAction="none",
        # The formula linkbase (an annual edition's is 20 MB) is left unloaded: no assertion is
        # run here, and the instance tasks of Scripts/interop.sh validate it and run it.
        skipLoading="*-formula.xml",
        validate=True,
        keepOpen=True,
        internetConnectivity="offline",
        disablePersistentConfig=True,
    )
    with Session() as session:
        session.run(options, logFileName="logToStructuredMessage")
        problems = [m for m in session.get_log_messages() if m.get("levelname") not in ("INFO", "DEBUG")]
        for message in problems:
            print("arelle: %s [%s] %s" % (message.get("levelname"), message.get("messageCode"), message.get("msg")), file=sys.stderr)
        models = session.get_models()
        if not models:
            print("arelle: no model was loaded", file=sys.stderr)
            return 1
        model = models[0]
        footnotes = model.relationshipSet(XbrlConst.factFootnote)
        lines = []
        for fact in model.facts:
            context = fact.context
            if context.isInstantPeriod:
                period = "instant %s" % context.instantDatetime.isoformat()
            else:
                period = "%s..%s" % (context.startDatetime.isoformat(), context.endDatetime.isoformat())
            dims = []
            for dim, value in sorted(context.qnameDims.items(), key=lambda kv: clark(kv[0])):
                if value.isExplicit:
                    dims.append("%s=%s" % (clark(dim), clark(value.memberQname)))
                else:
                    dims.append("%s~%s" % (clark(dim), value.typedMember.stringValue.strip()))
            unit = ""
            if fact.unit is not None:
                numerators, denominators = fact.unit.measures
                unit = "*".join(sorted(clark(m) for m in numerators)) + ("/" + "*".join(sorted(clark(m) for m in denominators)) if denominators else "")
            if fact.isNil:
                value = "(nil)"
            elif fact.isNumeric:
                value = str(Decimal(fact.value.strip()).normalize())
            else:
                value = fact.value
            notes = sorted(rel.toModelObject.textValue for rel in footnotes.fromModelObject(fact))
            lines.append(" | ".join([
                clark(fact.qname),
                "{%s}%s" % context.entityIdentifier,
                period,
                ";".join(dims),
                unit,
                str(fact.decimals) if fact.decimals is not None else "",
                value.replace("\n", "\\n"),
                " ; ".join(notes),
            ]))
        for line in sorted(lines):
            print(line)
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
