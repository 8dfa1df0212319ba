// The MariaDB Connector/C API (Debian's libmariadb-dev), for KeelRuntime's MySQL/MariaDB driver.
// Included by its full path so the build does not depend on pkg-config being installed.
#include <mariadb/mysql.h>
#include <mariadb/errmsg.h>
#include <mariadb/mysqld_error.h>
