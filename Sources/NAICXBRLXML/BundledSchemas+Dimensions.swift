import NAICXBRLCore
extension BundledSchemas {
    /// XBRL Dimensions 1.0 taxonomy-side components: the hypercube and dimension substitution
    /// group heads and the attributes of dimensional arcs.
    static let dimensionTaxonomy = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- XBRL Dimensions 1.0 (2006-09-18), taxonomy components. Written for naicxbrl. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xbrli="http://www.xbrl.org/2003/instance"
           xmlns:xbrldt="http://xbrl.org/2005/xbrldt"
           targetNamespace="http://xbrl.org/2005/xbrldt"
           elementFormDefault="qualified"
           attributeFormDefault="unqualified">

  <xs:import namespace="http://www.xbrl.org/2003/instance"
             schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>

  <xs:simpleType name="contextElementType">
    <xs:restriction base="xs:token">
      <xs:enumeration value="segment"/>
      <xs:enumeration value="scenario"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:element name="hypercubeItem" id="xbrldt_hypercubeItem" type="xbrli:stringItemType" abstract="true"
              substitutionGroup="xbrli:item" xbrli:periodType="duration"/>
  <xs:element name="dimensionItem" id="xbrldt_dimensionItem" type="xbrli:stringItemType" abstract="true"
              substitutionGroup="xbrli:item" xbrli:periodType="duration"/>

  <xs:attribute name="typedDomainRef" type="xs:anyURI"/>
  <xs:attribute name="contextElement" type="xbrldt:contextElementType"/>
  <xs:attribute name="closed" type="xs:boolean" default="false"/>
  <xs:attribute name="usable" type="xs:boolean" default="true"/>
  <xs:attribute name="targetRole" type="xs:anyURI"/>
</xs:schema>
"""#

    /// XBRL Dimensions 1.0 instance-side components: the members that qualify a context's
    /// segment or scenario.
    static let dimensionInstance = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- XBRL Dimensions 1.0 (2006-09-18), instance components. Written for naicxbrl. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
           targetNamespace="http://xbrl.org/2006/xbrldi"
           elementFormDefault="qualified"
           attributeFormDefault="unqualified">

  <xs:element name="explicitMember">
    <xs:complexType>
      <xs:simpleContent>
        <xs:extension base="xs:QName">
          <xs:attribute name="dimension" type="xs:QName" use="required"/>
        </xs:extension>
      </xs:simpleContent>
    </xs:complexType>
  </xs:element>

  <xs:element name="typedMember">
    <xs:complexType>
      <xs:sequence>
        <xs:any namespace="##other"/>
      </xs:sequence>
      <xs:attribute name="dimension" type="xs:QName" use="required"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""#
}
