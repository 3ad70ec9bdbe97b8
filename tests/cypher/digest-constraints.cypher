// The schema's constraints, without their ids.
SHOW CONSTRAINTS
YIELD name, type, entityType, labelsOrTypes, properties, ownedIndex, propertyType
RETURN name, type, entityType, labelsOrTypes, properties, ownedIndex, propertyType
