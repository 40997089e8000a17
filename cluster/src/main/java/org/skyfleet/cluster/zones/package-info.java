/** Zones kept the same on every node sharing one database: a notice on each change, a reload on hearing one. */
package org.skyfleet.cluster.zones;
