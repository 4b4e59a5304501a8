import NAICXBRLCore
extension BundledSchemas {
    /// The official instance schema: its `xbrl` root element allows any member of the
    /// `xbrli:item` and `xbrli:tuple` substitution groups, exactly as XBRL 2.1 writes it.
    static let instance = instanceSchema(rootFactParticles: officialRootFactParticles)

    /// XBRL 2.1 section 4.1: facts are members of the `item` or `tuple` substitution groups.
    ///
    /// libxml2 2.9 compiles this choice into an automaton whose determinism check takes time
    /// roughly cubic in the number of group members, which is why `InstanceValidator` swaps
    /// it for a namespace wildcard (see `instanceValidationVariant(factNamespaces:)`).
    static let officialRootFactParticles = """
            <element ref="xbrli:item"/>
            <element ref="xbrli:tuple"/>
    """

    /// How an element with many children repeats the choice among them: the `xbrl` element
    /// (facts, contexts, units, footnote links) and `link:footnoteLink` (locators, arcs,
    /// footnotes).
    enum Repetition {
        /// As XBRL 2.1 writes it: `<choice minOccurs="0" maxOccurs="unbounded">`.
        case repeatedChoice
        /// The same language as a repeated sequence of one choice. libxml2 2.9 gives every
        /// repeated `choice` a counter, and an automaton with a counter cannot run in its
        /// compact form: the general matcher then copies each child's name onto a rollback
        /// stack and tries again. A repeated sequence needs no counter, so the root's several
        /// thousand children are matched by table lookup (about 7 % of an instance's validation).
        case repeatedSequence
    }

    /// The instance schema with `rootFactParticles` standing where the `xbrl` element's
    /// content model names the facts, repeated as `repetition` says, and `additionalImports`
    /// after the official import; everything else is the same in all variants.
    static func instanceSchema(rootFactParticles: String, repetition: Repetition = .repeatedChoice,
                               additionalImports: String = "") -> String {
        let (open, close) = switch repetition {
        case .repeatedChoice: (#"        <choice minOccurs="0" maxOccurs="unbounded">"#, "        </choice>")
        case .repeatedSequence: (#"        <sequence minOccurs="0" maxOccurs="unbounded"><choice>"#, "        </choice></sequence>")
        }
        return instanceSchemaPrologue + additionalImports + instanceSchemaHead + "\n" + open + "\n" + rootFactParticles + "\n"
            + instanceSchemaFactsEnd + close + "\n" + instanceSchemaTail
    }

    private static let instanceSchemaPrologue = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- XBRL instances (XBRL 2.1 sections 4 and 5.1.1). Written for naicxbrl. -->
<schema xmlns="http://www.w3.org/2001/XMLSchema"
        xmlns:xbrli="http://www.xbrl.org/2003/instance"
        xmlns:link="http://www.xbrl.org/2003/linkbase"
        targetNamespace="http://www.xbrl.org/2003/instance"
        elementFormDefault="qualified">

  <import namespace="http://www.xbrl.org/2003/linkbase" schemaLocation="xbrl-linkbase-2003-12-31.xsd"/>

"""#

    private static let instanceSchemaHead = #"""
  <!-- Section 5.1.1.1 and 5.1.1.2: concept attributes. -->
  <attribute name="periodType">
    <simpleType>
      <restriction base="token">
        <enumeration value="instant"/>
        <enumeration value="duration"/>
      </restriction>
    </simpleType>
  </attribute>

  <attribute name="balance">
    <simpleType>
      <restriction base="token">
        <enumeration value="debit"/>
        <enumeration value="credit"/>
      </restriction>
    </simpleType>
  </attribute>

  <!-- Section 5.1.1.3: the simple types behind the XBRL-specific item types. -->
  <simpleType name="monetary">
    <restriction base="decimal"/>
  </simpleType>
  <simpleType name="shares">
    <restriction base="decimal"/>
  </simpleType>
  <simpleType name="pure">
    <restriction base="decimal"/>
  </simpleType>
  <simpleType name="nonZeroDecimal">
    <union>
      <simpleType>
        <restriction base="decimal">
          <minExclusive value="0"/>
        </restriction>
      </simpleType>
      <simpleType>
        <restriction base="decimal">
          <maxExclusive value="0"/>
        </restriction>
      </simpleType>
    </union>
  </simpleType>

  <!-- Section 4.6.4 and 4.6.5: precision and decimals are a count or INF. -->
  <simpleType name="precisionType">
    <union memberTypes="nonNegativeInteger">
      <simpleType>
        <restriction base="string">
          <enumeration value="INF"/>
        </restriction>
      </simpleType>
    </union>
  </simpleType>
  <simpleType name="decimalsType">
    <union memberTypes="integer">
      <simpleType>
        <restriction base="string">
          <enumeration value="INF"/>
        </restriction>
      </simpleType>
    </union>
  </simpleType>

  <!-- Section 4.6: fact attributes. -->
  <attributeGroup name="factAttrs">
    <attribute name="id" type="ID" use="optional"/>
    <anyAttribute namespace="##other" processContents="lax"/>
  </attributeGroup>
  <attributeGroup name="tupleAttrs">
    <attributeGroup ref="xbrli:factAttrs"/>
  </attributeGroup>
  <attributeGroup name="itemAttrs">
    <attributeGroup ref="xbrli:factAttrs"/>
    <attribute name="contextRef" type="IDREF" use="required"/>
  </attributeGroup>
  <attributeGroup name="essentialNumericItemAttrs">
    <attributeGroup ref="xbrli:itemAttrs"/>
    <attribute name="unitRef" type="IDREF" use="required"/>
  </attributeGroup>
  <attributeGroup name="numericItemAttrs">
    <attributeGroup ref="xbrli:essentialNumericItemAttrs"/>
    <attribute name="precision" type="xbrli:precisionType" use="optional"/>
    <attribute name="decimals" type="xbrli:decimalsType" use="optional"/>
  </attributeGroup>
  <attributeGroup name="nonNumericItemAttrs">
    <attributeGroup ref="xbrli:itemAttrs"/>
  </attributeGroup>

  <!-- Section 4.6 and 4.9: the heads of the two fact substitution groups. -->
  <element name="item" type="anyType" abstract="true"/>
  <element name="tuple" type="anyType" abstract="true"/>

  <!-- Section 5.1.1.3: item types. -->
  <complexType name="decimalItemType" final="extension">
    <simpleContent>
      <extension base="decimal">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="floatItemType" final="extension">
    <simpleContent>
      <extension base="float">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="doubleItemType" final="extension">
    <simpleContent>
      <extension base="double">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="monetaryItemType" final="extension">
    <simpleContent>
      <extension base="xbrli:monetary">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="sharesItemType" final="extension">
    <simpleContent>
      <extension base="xbrli:shares">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="pureItemType" final="extension">
    <simpleContent>
      <extension base="xbrli:pure">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="integerItemType" final="extension">
    <simpleContent>
      <extension base="integer">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="nonPositiveIntegerItemType" final="extension">
    <simpleContent>
      <extension base="nonPositiveInteger">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="negativeIntegerItemType" final="extension">
    <simpleContent>
      <extension base="negativeInteger">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="longItemType" final="extension">
    <simpleContent>
      <extension base="long">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="intItemType" final="extension">
    <simpleContent>
      <extension base="int">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="shortItemType" final="extension">
    <simpleContent>
      <extension base="short">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="byteItemType" final="extension">
    <simpleContent>
      <extension base="byte">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="nonNegativeIntegerItemType" final="extension">
    <simpleContent>
      <extension base="nonNegativeInteger">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="unsignedLongItemType" final="extension">
    <simpleContent>
      <extension base="unsignedLong">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="unsignedIntItemType" final="extension">
    <simpleContent>
      <extension base="unsignedInt">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="unsignedShortItemType" final="extension">
    <simpleContent>
      <extension base="unsignedShort">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="unsignedByteItemType" final="extension">
    <simpleContent>
      <extension base="unsignedByte">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="positiveIntegerItemType" final="extension">
    <simpleContent>
      <extension base="positiveInteger">
        <attributeGroup ref="xbrli:numericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <element name="numerator" type="decimal"/>
  <element name="denominator" type="xbrli:nonZeroDecimal"/>
  <complexType name="fractionItemType" final="extension">
    <sequence>
      <element ref="xbrli:numerator"/>
      <element ref="xbrli:denominator"/>
    </sequence>
    <attributeGroup ref="xbrli:essentialNumericItemAttrs"/>
  </complexType>

  <complexType name="stringItemType" final="extension">
    <simpleContent>
      <extension base="string">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="booleanItemType" final="extension">
    <simpleContent>
      <extension base="boolean">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="hexBinaryItemType" final="extension">
    <simpleContent>
      <extension base="hexBinary">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="base64BinaryItemType" final="extension">
    <simpleContent>
      <extension base="base64Binary">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="anyURIItemType" final="extension">
    <simpleContent>
      <extension base="anyURI">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="QNameItemType" final="extension">
    <simpleContent>
      <extension base="QName">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="durationItemType" final="extension">
    <simpleContent>
      <extension base="duration">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="dateTimeItemType" final="extension">
    <simpleContent>
      <extension base="xbrli:dateUnion">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="timeItemType" final="extension">
    <simpleContent>
      <extension base="time">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="dateItemType" final="extension">
    <simpleContent>
      <extension base="date">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="gYearMonthItemType" final="extension">
    <simpleContent>
      <extension base="gYearMonth">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="gYearItemType" final="extension">
    <simpleContent>
      <extension base="gYear">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="gMonthDayItemType" final="extension">
    <simpleContent>
      <extension base="gMonthDay">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="gDayItemType" final="extension">
    <simpleContent>
      <extension base="gDay">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="gMonthItemType" final="extension">
    <simpleContent>
      <extension base="gMonth">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="normalizedStringItemType" final="extension">
    <simpleContent>
      <extension base="normalizedString">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="tokenItemType" final="extension">
    <simpleContent>
      <extension base="token">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="languageItemType" final="extension">
    <simpleContent>
      <extension base="language">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="NameItemType" final="extension">
    <simpleContent>
      <extension base="Name">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <complexType name="NCNameItemType" final="extension">
    <simpleContent>
      <extension base="NCName">
        <attributeGroup ref="xbrli:nonNumericItemAttrs"/>
      </extension>
    </simpleContent>
  </complexType>
  <!-- Section 4.7: contexts. -->
  <simpleType name="dateUnion">
    <union memberTypes="date dateTime"/>
  </simpleType>

  <element name="segment">
    <complexType>
      <sequence>
        <any namespace="##other" processContents="lax" minOccurs="1" maxOccurs="unbounded"/>
      </sequence>
    </complexType>
  </element>

  <complexType name="contextEntityType">
    <sequence>
      <element name="identifier">
        <complexType>
          <simpleContent>
            <extension base="token">
              <attribute name="scheme" use="required">
                <simpleType>
                  <restriction base="anyURI">
                    <minLength value="1"/>
                  </restriction>
                </simpleType>
              </attribute>
            </extension>
          </simpleContent>
        </complexType>
      </element>
      <element ref="xbrli:segment" minOccurs="0"/>
    </sequence>
  </complexType>

  <complexType name="contextPeriodType">
    <choice>
      <sequence>
        <element name="startDate" type="xbrli:dateUnion"/>
        <element name="endDate" type="xbrli:dateUnion"/>
      </sequence>
      <element name="instant" type="xbrli:dateUnion"/>
      <element name="forever">
        <complexType/>
      </element>
    </choice>
  </complexType>

  <complexType name="contextScenarioType">
    <sequence>
      <any namespace="##other" processContents="lax" minOccurs="1" maxOccurs="unbounded"/>
    </sequence>
  </complexType>

  <element name="context">
    <complexType>
      <sequence>
        <element name="entity" type="xbrli:contextEntityType"/>
        <element name="period" type="xbrli:contextPeriodType"/>
        <element name="scenario" type="xbrli:contextScenarioType" minOccurs="0"/>
      </sequence>
      <attribute name="id" type="ID" use="required"/>
    </complexType>
  </element>

  <!-- Section 4.8: units. -->
  <element name="measure" type="QName"/>

  <complexType name="measuresType">
    <sequence>
      <element ref="xbrli:measure" minOccurs="1" maxOccurs="unbounded"/>
    </sequence>
  </complexType>

  <element name="divide">
    <complexType>
      <sequence>
        <element name="unitNumerator" type="xbrli:measuresType"/>
        <element name="unitDenominator" type="xbrli:measuresType"/>
      </sequence>
    </complexType>
  </element>

  <element name="unit">
    <complexType>
      <choice>
        <element ref="xbrli:measure" minOccurs="1" maxOccurs="unbounded"/>
        <element ref="xbrli:divide"/>
      </choice>
      <attribute name="id" type="ID" use="required"/>
    </complexType>
  </element>

  <!-- Section 4.1: the root element. -->
  <element name="xbrl">
    <complexType>
      <sequence>
        <element ref="link:schemaRef" minOccurs="1" maxOccurs="unbounded"/>
        <element ref="link:linkbaseRef" minOccurs="0" maxOccurs="unbounded"/>
        <element ref="link:roleRef" minOccurs="0" maxOccurs="unbounded"/>
        <element ref="link:arcroleRef" minOccurs="0" maxOccurs="unbounded"/>
"""#

    private static let instanceSchemaFactsEnd = #"""
          <element ref="xbrli:context"/>
          <element ref="xbrli:unit"/>
          <element ref="link:footnoteLink"/>

"""#

    private static let instanceSchemaTail = #"""
      </sequence>
      <attribute name="id" type="ID" use="optional"/>
      <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
    </complexType>
  </element>
</schema>
"""#
}
