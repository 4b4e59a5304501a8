import NAICXBRLCore
extension BundledSchemas {
    /// Linkbases and the references an instance or schema makes to them (XBRL 2.1 sections
    /// 3.5 and 4.3): the six standard extended links, their arcs and resources, `schemaRef`,
    /// `linkbaseRef`, `roleRef`, `arcroleRef`, `roleType` and `arcroleType`.
    static let linkbase = linkbaseSchema(footnoteRepetition: .repeatedChoice)

    /// The linkbase schema with `link:footnoteLink` repeating its children as `repetition`
    /// says (see `Repetition`: an instance's footnote link has a locator, an arc and a footnote
    /// for each printed form, hundreds in a statement); everything else is the same in all
    /// variants.
    static func linkbaseSchema(footnoteRepetition repetition: Repetition) -> String {
        let (open, close) = switch repetition {
        case .repeatedChoice: (#"          <choice minOccurs="0" maxOccurs="unbounded">"#, "          </choice>")
        case .repeatedSequence: (#"          <sequence minOccurs="0" maxOccurs="unbounded"><choice>"#, "          </choice></sequence>")
        }
        return linkbaseHead + "\n\n" + footnoteLinkHead + "\n" + open + "\n" + footnoteLinkParticles + "\n" + close + "\n" + footnoteLinkTail + "\n" + linkbaseTail
    }

    private static let linkbaseHead = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- XBRL linkbases (XBRL 2.1 sections 3.5, 4.3 and 5.1.3). Written for naicxbrl. -->
<schema xmlns="http://www.w3.org/2001/XMLSchema"
        xmlns:xlink="http://www.w3.org/1999/xlink"
        xmlns:xl="http://www.xbrl.org/2003/XLink"
        xmlns:link="http://www.xbrl.org/2003/linkbase"
        targetNamespace="http://www.xbrl.org/2003/linkbase"
        elementFormDefault="qualified">

  <import namespace="http://www.xbrl.org/2003/XLink" schemaLocation="xl-2003-12-31.xsd"/>
  <import namespace="http://www.w3.org/1999/xlink" schemaLocation="xlink-2003-12-31.xsd"/>

  <element name="documentation" type="xl:documentationType" substitutionGroup="xl:documentation"/>

  <element name="loc" type="xl:locatorType" substitutionGroup="xl:locator"/>

  <element name="labelArc" type="xl:arcType" substitutionGroup="xl:arc"/>
  <element name="referenceArc" type="xl:arcType" substitutionGroup="xl:arc"/>
  <element name="definitionArc" type="xl:arcType" substitutionGroup="xl:arc"/>
  <element name="presentationArc" substitutionGroup="xl:arc">
    <complexType>
      <complexContent>
        <extension base="xl:arcType">
          <attribute name="preferredLabel" use="optional">
            <simpleType>
              <restriction base="anyURI">
                <minLength value="1"/>
              </restriction>
            </simpleType>
          </attribute>
        </extension>
      </complexContent>
    </complexType>
  </element>
  <element name="calculationArc" substitutionGroup="xl:arc">
    <complexType>
      <complexContent>
        <extension base="xl:arcType">
          <attribute name="weight" type="decimal" use="required"/>
        </extension>
      </complexContent>
    </complexType>
  </element>
  <element name="footnoteArc" type="xl:arcType" substitutionGroup="xl:arc"/>

  <element name="label" substitutionGroup="xl:resource">
    <complexType mixed="true">
      <complexContent mixed="true">
        <extension base="xl:resourceType">
          <sequence>
            <any namespace="http://www.w3.org/1999/xhtml" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
          </sequence>
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </extension>
      </complexContent>
    </complexType>
  </element>

  <element name="part" type="anySimpleType" abstract="true"/>
  <element name="reference" substitutionGroup="xl:resource">
    <complexType mixed="true">
      <complexContent mixed="true">
        <extension base="xl:resourceType">
          <sequence>
            <element ref="link:part" minOccurs="0" maxOccurs="unbounded"/>
          </sequence>
        </extension>
      </complexContent>
    </complexType>
  </element>

  <element name="footnote" substitutionGroup="xl:resource">
    <complexType mixed="true">
      <complexContent mixed="true">
        <extension base="xl:resourceType">
          <sequence>
            <any namespace="http://www.w3.org/1999/xhtml" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
          </sequence>
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </extension>
      </complexContent>
    </complexType>
  </element>

  <element name="presentationLink" substitutionGroup="xl:extended">
    <complexType>
      <complexContent>
        <restriction base="xl:extendedType">
          <choice minOccurs="0" maxOccurs="unbounded">
            <element ref="xl:title"/>
            <element ref="link:documentation"/>
            <element ref="link:loc"/>
            <element ref="link:presentationArc"/>
          </choice>
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </restriction>
      </complexContent>
    </complexType>
  </element>

  <element name="definitionLink" substitutionGroup="xl:extended">
    <complexType>
      <complexContent>
        <restriction base="xl:extendedType">
          <choice minOccurs="0" maxOccurs="unbounded">
            <element ref="xl:title"/>
            <element ref="link:documentation"/>
            <element ref="link:loc"/>
            <element ref="link:definitionArc"/>
          </choice>
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </restriction>
      </complexContent>
    </complexType>
  </element>

  <element name="calculationLink" substitutionGroup="xl:extended">
    <complexType>
      <complexContent>
        <restriction base="xl:extendedType">
          <choice minOccurs="0" maxOccurs="unbounded">
            <element ref="xl:title"/>
            <element ref="link:documentation"/>
            <element ref="link:loc"/>
            <element ref="link:calculationArc"/>
          </choice>
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </restriction>
      </complexContent>
    </complexType>
  </element>

  <element name="labelLink" substitutionGroup="xl:extended">
    <complexType>
      <complexContent>
        <restriction base="xl:extendedType">
          <choice minOccurs="0" maxOccurs="unbounded">
            <element ref="xl:title"/>
            <element ref="link:documentation"/>
            <element ref="link:loc"/>
            <element ref="link:labelArc"/>
            <element ref="link:label"/>
          </choice>
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </restriction>
      </complexContent>
    </complexType>
  </element>

  <element name="referenceLink" substitutionGroup="xl:extended">
    <complexType>
      <complexContent>
        <restriction base="xl:extendedType">
          <choice minOccurs="0" maxOccurs="unbounded">
            <element ref="xl:title"/>
            <element ref="link:documentation"/>
            <element ref="link:loc"/>
            <element ref="link:referenceArc"/>
            <element ref="link:reference"/>
          </choice>
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </restriction>
      </complexContent>
    </complexType>
  </element>
"""#

    private static let footnoteLinkHead = #"""
  <element name="footnoteLink" substitutionGroup="xl:extended">
    <complexType>
      <complexContent>
        <restriction base="xl:extendedType">
"""#

    private static let footnoteLinkParticles = #"""
            <element ref="xl:title"/>
            <element ref="link:documentation"/>
            <element ref="link:loc"/>
            <element ref="link:footnoteArc"/>
            <element ref="link:footnote"/>
"""#

    private static let footnoteLinkTail = #"""
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </restriction>
      </complexContent>
    </complexType>
  </element>
"""#

    private static let linkbaseTail = #"""
  <element name="linkbase">
    <complexType>
      <choice minOccurs="0" maxOccurs="unbounded">
        <element ref="link:documentation"/>
        <element ref="link:roleRef"/>
        <element ref="link:arcroleRef"/>
        <element ref="xl:extended"/>
      </choice>
      <attribute name="id" type="ID" use="optional"/>
      <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
    </complexType>
  </element>

  <element name="linkbaseRef" substitutionGroup="xl:simple">
    <complexType>
      <complexContent>
        <restriction base="xl:simpleType">
          <attribute ref="xlink:arcrole" use="required"/>
          <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
        </restriction>
      </complexContent>
    </complexType>
  </element>

  <element name="schemaRef" type="xl:simpleType" substitutionGroup="xl:simple"/>

  <element name="roleRef" substitutionGroup="xl:simple">
    <complexType>
      <complexContent>
        <extension base="xl:simpleType">
          <attribute name="roleURI" type="xl:nonEmptyURI" use="required"/>
        </extension>
      </complexContent>
    </complexType>
  </element>

  <element name="arcroleRef" substitutionGroup="xl:simple">
    <complexType>
      <complexContent>
        <extension base="xl:simpleType">
          <attribute name="arcroleURI" type="xl:nonEmptyURI" use="required"/>
        </extension>
      </complexContent>
    </complexType>
  </element>

  <element name="definition" type="string"/>
  <element name="usedOn" type="QName"/>

  <element name="roleType">
    <complexType>
      <sequence>
        <element ref="link:definition" minOccurs="0"/>
        <element ref="link:usedOn" maxOccurs="unbounded"/>
      </sequence>
      <attribute name="roleURI" type="xl:nonEmptyURI" use="required"/>
      <attribute name="id" type="ID"/>
    </complexType>
  </element>

  <element name="arcroleType">
    <complexType>
      <sequence>
        <element ref="link:definition" minOccurs="0"/>
        <element ref="link:usedOn" maxOccurs="unbounded"/>
      </sequence>
      <attribute name="arcroleURI" type="xl:nonEmptyURI" use="required"/>
      <attribute name="id" type="ID"/>
      <attribute name="cyclesAllowed" use="required">
        <simpleType>
          <restriction base="NMTOKEN">
            <enumeration value="any"/>
            <enumeration value="undirected"/>
            <enumeration value="none"/>
          </restriction>
        </simpleType>
      </attribute>
    </complexType>
  </element>
</schema>
"""#
}
