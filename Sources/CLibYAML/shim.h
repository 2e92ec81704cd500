#ifndef SMGEN_CLIBYAML_SHIM_H
#define SMGEN_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
