/** Control leases of a fleet shared by several nodes, decided in a JetStream key-value bucket. */
package org.skyfleet.cluster.leases;
