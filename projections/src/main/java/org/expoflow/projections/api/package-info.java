/** The queries the read side answers and the views it answers with, as records. */
package org.expoflow.projections.api;
