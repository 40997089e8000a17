/**
 * Offline map tiles: packages an operator imports ({@code skyfleet tiles import}), held by the server and
 * served to the console over HTTP, and the renderer that makes a package from a place's own map features
 * (GeoJSON coast, water, forest, roads, buildings) for the demo and for any city with an open-data extract.
 * Police networks are isolated: the console's basemap never leaves them.
 */
package org.skyfleet.app.tiles;
