import NAICXBRLCore
extension BundledSchemas {
    /// The abstract XLink building blocks every XBRL linkbase element derives from (XBRL 2.1
    /// section 3.5): simple links, extended links, locators, arcs, resources and titles.
    static let xl = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- XBRL XLink building blocks (XBRL 2.1 section 3.5). Written for naicxbrl. -->
<schema xmlns="http://www.w3.org/2001/XMLSchema"
        xmlns:xlink="http://www.w3.org/1999/xlink"
        xmlns:xl="http://www.xbrl.org/2003/XLink"
        targetNamespace="http://www.xbrl.org/2003/XLink"
        elementFormDefault="qualified"
        attributeFormDefault="unqualified">

  <import namespace="http://www.w3.org/1999/xlink" schemaLocation="xlink-2003-12-31.xsd"/>

  <simpleType name="nonEmptyURI">
    <restriction base="anyURI">
      <minLength value="1"/>
    </restriction>
  </simpleType>

  <complexType name="documentationType">
    <simpleContent>
      <extension base="string">
        <anyAttribute namespace="##other" processContents="lax"/>
      </extension>
    </simpleContent>
  </complexType>
  <element name="documentation" type="xl:documentationType" abstract="true"/>

  <complexType name="titleType">
    <complexContent>
      <restriction base="anyType">
        <attribute ref="xlink:type" use="required" fixed="title"/>
      </restriction>
    </complexContent>
  </complexType>
  <element name="title" type="xl:titleType" abstract="true"/>

  <complexType name="locatorType">
    <complexContent>
      <restriction base="anyType">
        <sequence>
          <element ref="xl:title" minOccurs="0" maxOccurs="unbounded"/>
        </sequence>
        <attribute ref="xlink:type" use="required" fixed="locator"/>
        <attribute ref="xlink:href" use="required"/>
        <attribute ref="xlink:label" use="required"/>
        <attribute ref="xlink:role" use="optional"/>
        <attribute ref="xlink:title" use="optional"/>
      </restriction>
    </complexContent>
  </complexType>
  <element name="locator" type="xl:locatorType" abstract="true"/>

  <simpleType name="useEnum">
    <restriction base="NMTOKEN">
      <enumeration value="optional"/>
      <enumeration value="prohibited"/>
    </restriction>
  </simpleType>

  <complexType name="arcType">
    <complexContent>
      <restriction base="anyType">
        <sequence>
          <element ref="xl:title" minOccurs="0" maxOccurs="unbounded"/>
        </sequence>
        <attribute ref="xlink:type" use="required" fixed="arc"/>
        <attribute ref="xlink:from" use="required"/>
        <attribute ref="xlink:to" use="required"/>
        <attribute ref="xlink:arcrole" use="required"/>
        <attribute ref="xlink:title" use="optional"/>
        <attribute ref="xlink:show" use="optional"/>
        <attribute ref="xlink:actuate" use="optional"/>
        <attribute name="order" type="decimal" use="optional"/>
        <attribute name="use" type="xl:useEnum" use="optional"/>
        <attribute name="priority" type="integer" use="optional"/>
        <anyAttribute namespace="##other" processContents="lax"/>
      </restriction>
    </complexContent>
  </complexType>
  <element name="arc" type="xl:arcType" abstract="true"/>

  <complexType name="resourceType">
    <complexContent mixed="true">
      <restriction base="anyType">
        <attribute ref="xlink:type" use="required" fixed="resource"/>
        <attribute ref="xlink:label" use="required"/>
        <attribute ref="xlink:role" use="optional"/>
        <attribute ref="xlink:title" use="optional"/>
        <attribute name="id" type="ID" use="optional"/>
      </restriction>
    </complexContent>
  </complexType>
  <element name="resource" type="xl:resourceType" abstract="true"/>

  <complexType name="extendedType">
    <complexContent>
      <restriction base="anyType">
        <choice minOccurs="0" maxOccurs="unbounded">
          <element ref="xl:title"/>
          <element ref="xl:documentation"/>
          <element ref="xl:locator"/>
          <element ref="xl:arc"/>
          <element ref="xl:resource"/>
        </choice>
        <attribute ref="xlink:type" use="required" fixed="extended"/>
        <attribute ref="xlink:role" use="required"/>
        <attribute ref="xlink:title" use="optional"/>
        <attribute name="id" type="ID" use="optional"/>
        <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
      </restriction>
    </complexContent>
  </complexType>
  <element name="extended" type="xl:extendedType" abstract="true"/>

  <complexType name="simpleType">
    <complexContent>
      <restriction base="anyType">
        <attribute ref="xlink:type" use="required" fixed="simple"/>
        <attribute ref="xlink:href" use="required"/>
        <attribute ref="xlink:arcrole" use="optional"/>
        <attribute ref="xlink:role" use="optional"/>
        <attribute ref="xlink:title" use="optional"/>
        <attribute ref="xlink:show" use="optional"/>
        <attribute ref="xlink:actuate" use="optional"/>
        <anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
      </restriction>
    </complexContent>
  </complexType>
  <element name="simple" type="xl:simpleType" abstract="true"/>
</schema>
"""#
}
