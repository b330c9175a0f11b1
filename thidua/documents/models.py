# GeneratedDocument and NumberSequence arrive with the documents issue.
