/**
 * Geodetic datums of Chinese basemaps and the conversions between them. SkyFleet stores and serves WGS-84;
 * a basemap drawn in GCJ-02 (AMap, Tencent) or BD-09 (Baidu) puts a WGS-84 point 300-600 m off, so the map
 * edge converts what it draws to the basemap's datum and converts clicks back ({@link DatumConversion}).
 * CGCS2000 (Tianditu) agrees with WGS-84 to centimetres and is treated as WGS-84.
 */
package org.skyfleet.fleet.geo;
