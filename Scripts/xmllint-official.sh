# Sourced by Scripts/interop.sh and Scripts/compare.sh.
#
#   official_xmllint_setup DIR PACKAGE_ZIP OFFICIAL_SCHEMAS INSTANCE
#
# Writes DIR/catalog.xml and DIR/validate.xsd, so that
#   XML_CATALOG_FILES=DIR/catalog.xml xmllint --nonet --noout --schema DIR/validate.xsd INSTANCE
# validates INSTANCE against the official XBRL 2.1 schemas (the copies arelle-release ships,
# in OFFICIAL_SCHEMAS) and the taxonomy, resolved through the taxonomy package's own catalog.
official_xmllint_setup() {
    local dir="$1" package="$2" official="$3" instance="$4"
    mkdir -p "$dir/pkg"
    (cd "$dir/pkg" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(".")' "$package")
    local package_root
    package_root="$(dirname "$(find "$dir/pkg" -path '*/META-INF/catalog.xml' -print -quit)")/.."
    cat > "$dir/catalog.xml" <<CATALOG
<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <nextCatalog catalog="$package_root/META-INF/catalog.xml"/>
  <rewriteURI uriStartString="http://www.xbrl.org/" rewritePrefix="file://$official/www.xbrl.org/"/>
  <rewriteURI uriStartString="http://www.w3.org/" rewritePrefix="file://$official/www.w3.org/"/>
  <rewriteSystem systemIdStartString="http://www.xbrl.org/" rewritePrefix="file://$official/www.xbrl.org/"/>
  <rewriteSystem systemIdStartString="http://www.w3.org/" rewritePrefix="file://$official/www.w3.org/"/>
</catalog>
CATALOG
    # (grep -m1 rather than head: with pipefail, head closing the pipe early fails the script.)
    local entry namespace
    entry="$(grep -m1 -o 'xlink:href="[^"]*"' "$instance" | sed 's/xlink:href="//; s/"$//')"
    namespace="$(grep -m1 -ho 'targetNamespace="[^"]*"' "$package_root"/*/"$(basename "$entry")" | sed 's/.*targetNamespace="//; s/"$//')"
    cat > "$dir/validate.xsd" <<XSD
<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="$namespace" schemaLocation="$entry"/>
  <xs:import namespace="http://xbrl.org/2006/xbrldi" schemaLocation="http://www.xbrl.org/2006/xbrldi-2006.xsd"/>
</xs:schema>
XSD
}
