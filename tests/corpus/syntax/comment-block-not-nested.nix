/* outer /* inner */ 3
