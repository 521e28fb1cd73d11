/** JDBC and transaction details shared by the stores. */
package io.credbridge.jdbc;
