let lib = import ../../../lib; in
map lib.versions.splitVersion [ "1.2.3" "1.2.3pre" "2024-01-02" "" "1..2" "v1.0" "1.0-rc2" ]
