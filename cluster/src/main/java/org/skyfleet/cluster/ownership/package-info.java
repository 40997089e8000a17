/** Link ownership on a JetStream key-value bucket: leases renewed by their owner, changed by compare-and-set. */
package org.skyfleet.cluster.ownership;
