/** Missions handed from node to node with their vehicles' links, through a JetStream key-value bucket. */
package org.skyfleet.cluster.missions;
