/**
 * PMTiles version 3, read and written here from its public specification: the 127-byte header, directories of
 * run-length entries (varint-encoded, columnar, gzip-compressed or not), leaf directories, and tile ids that
 * count tiles zoom by zoom along a Hilbert curve. A PMTiles archive is one file of tiles, no database; the
 * server serves it through the same routes as an MBTiles package.
 */
package org.skyfleet.app.tiles.pmtiles;
